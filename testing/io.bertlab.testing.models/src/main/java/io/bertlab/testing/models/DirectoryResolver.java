package io.bertlab.testing.models;

import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@link ModelResolver} for tests outside OSGi that opens model directories on the pure-Java engine with the
 * tokenizer beside them, the way the model service opens a directory; it knows no named models.
 */
public final class DirectoryResolver implements ModelResolver {

    @Override
    public OpenedModel open(String nameOrDirectory, Path directory, String engine, String device) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("no model named '" + nameOrDirectory + "' and no folder " + directory);
        }
        Model model = JavaEngine.load(ModelDirectory.load(directory), 2, directory.resolve("config.json"));
        return new OpenedModel() {
            @Override
            public Model model() {
                return model;
            }

            @Override
            public Path directory() {
                return directory;
            }

            @Override
            public Tokenizer tokenizer() throws IOException {
                return TokenizerFiles.load(directory.resolve("tokenizer.json"), Map.of(),
                        ModelRegistry.discover(DirectoryResolver.class.getClassLoader()));
            }

            @Override
            public void close() {
                model.close();
            }
        };
    }
}
