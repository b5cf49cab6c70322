package io.bertlab.api.model;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens the model a user names: a named model service (see {@link ModelProperties#NAME}) or a model directory loaded
 * on a chosen engine. One service does this for every command and plugin, so that names, directories, engines and
 * their error messages behave the same everywhere.
 */
@ProviderType
public interface ModelResolver {

    /**
     * Opens a model.
     *
     * @param nameOrDirectory what the user typed: a model name, else a directory
     * @param directory the same argument resolved as a path (against the caller's working directory)
     * @param engine the engine for a directory ({@value EngineProperties#JAVA} when the user did not choose); a named
     *        model keeps its own
     * @param device the device for a directory ({@value EngineProperties#CPU} by default)
     * @return the opened model; the caller closes it
     * @throws IOException when there is no such model or directory, the engine is not installed, or loading fails
     *         (the message names the model or file and what is wrong)
     */
    OpenedModel open(String nameOrDirectory, Path directory, String engine, String device) throws IOException;
}
