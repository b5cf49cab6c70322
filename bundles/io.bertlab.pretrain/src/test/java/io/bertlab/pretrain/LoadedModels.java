package io.bertlab.pretrain;

import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ModelResolver} for tests outside OSGi: model directories on the pure-Java engine with the tokenizer beside
 * them, as the model service opens a directory, except that a model is loaded when it is first used (a command that
 * stops at the tokenizer or the weights' header never pays for it) and then kept, like a named model, for every
 * later call until {@link #close()}: BERT-base is loaded once per test class. (The shared
 * {@code io.bertlab.testing.models.DirectoryResolver} loads on every open and closes with the call; the error tests
 * here check that no model is loaded at all.)
 */
final class LoadedModels implements ModelResolver, AutoCloseable {

    private static final ModelRegistry TOKENIZER_MODELS = ModelRegistry.discover(LoadedModels.class.getClassLoader());

    private final Map<Path, Model> models = new LinkedHashMap<>();
    private int loads;

    @Override
    public OpenedModel open(String nameOrDirectory, Path directory, String engine, String device) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("no model named '" + nameOrDirectory + "' and no folder " + directory);
        }
        return new OpenedModel() {
            @Override
            public Model model() {
                return LoadedModels.this.model(directory);
            }

            @Override
            public Path directory() {
                return directory;
            }

            @Override
            public Tokenizer tokenizer() throws IOException {
                return TokenizerFiles.load(directory.resolve(ModelProperties.TOKENIZER_FILE), Map.of(),
                        TOKENIZER_MODELS);
            }

            @Override
            public void close() {
                // kept for the next call, as a named model stays open
            }
        };
    }

    /**
     * The model of a directory, loaded on first use.
     *
     * @param directory the model directory
     * @return the model, open until {@link #close()}
     */
    synchronized Model model(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        Model model = models.get(key);
        if (model == null) {
            try {
                model = JavaEngine.load(ModelDirectory.load(key), 2, key.resolve(ModelProperties.CONFIG_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            models.put(key, model);
            loads++;
        }
        return model;
    }

    /** @return how many models were loaded so far */
    synchronized int loads() {
        return loads;
    }

    @Override
    public synchronized void close() {
        models.values().forEach(Model::close);
        models.clear();
    }
}
