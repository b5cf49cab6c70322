package io.bertlab.model.service.command;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.configuration.UnavailableConfigurations;
import io.bertlab.api.model.Engine;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.model.service.ConfiguredModel;
import io.bertlab.model.service.EngineSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model a command works with: a named model service, or a model directory loaded for this call only (and
 * closed after it). Named models stay open: they belong to their configuration.
 */
final class ModelSource implements AutoCloseable {

    private final Model model;
    private final Path directory;
    private final boolean owned;

    private ModelSource(Model model, Path directory, boolean owned) {
        this.model = model;
        this.directory = directory;
        this.owned = owned;
    }

    static ModelSource open(String nameOrDirectory, Path resolved, ServiceTable<Model> models,
            UnavailableConfigurations unavailable, ServiceTable<Engine> engines, String engine, String device)
            throws CommandException {
        var failure = unavailable.unavailable(nameOrDirectory);
        if (failure.isPresent()) {
            throw new CommandException(failure.get().message());
        }
        var named = models.find(ModelProperties.NAME, nameOrDirectory);
        if (named.isPresent()) {
            if (named.get().getKey() instanceof ConfiguredModel configured) {
                try {
                    configured.load(); // weights load on first use: a failure is a message here, not mid-command
                } catch (IOException e) {
                    throw new CommandException(e.getMessage(), e);
                }
            }
            Object directory = named.get().getValue().get(ModelProperties.DIRECTORY);
            return new ModelSource(named.get().getKey(), directory == null ? null : Path.of(directory.toString()),
                    false);
        }
        if (!Files.isDirectory(resolved)) {
            throw new CommandException("no model named '" + nameOrDirectory + "' and no model directory " + resolved
                    + " (see 'bertlab models')");
        }
        Map<Engine, Map<String, Object>> all = engines.all();
        Engine chosen = EngineSelection.select(all, engine, device).orElseThrow(() -> new CommandException(
                "engine " + engine + "/" + device + " is not installed; installed: " + EngineSelection.describe(all)));
        try {
            return new ModelSource(chosen.load(resolved, new LoadOptions(0, device)), resolved, true);
        } catch (IOException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    Model model() {
        return model;
    }

    /** The folder holding {@code tokenizer.json}. */
    Path directory() throws CommandException {
        if (directory == null) {
            throw new CommandException("the model service does not say where its files are");
        }
        return directory;
    }

    @Override
    public void close() {
        if (owned) {
            model.close();
        }
    }
}
