package io.bertlab.spark;

import io.bertlab.api.model.Engine;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.TaskContext;

/**
 * The models of this JVM (one Spark executor, or the driver in local mode), one per model directory and load
 * options, loaded by the first task that needs one and shared by every task after it.
 */
public final class ExecutorModels {

    /**
     * What makes two loads the same model.
     *
     * @param directory the absolute, normalised model directory
     * @param engine the engine's name
     * @param device the device
     * @param threads the model's compute threads
     */
    record Key(String directory, String engine, String device, int threads) {
    }

    private static final ExecutorCache<Key, SharedModel> MODELS = new ExecutorCache<>(ExecutorModels::load);

    private ExecutorModels() {
    }

    /**
     * The model for a task, loading it if this JVM has not.
     *
     * @param model the model directory as given (relative paths resolve against the executor's working directory,
     *        where {@code --archives} unpacks)
     * @param engine the engine's name
     * @param device the device
     * @param threads compute threads; {@code 0} for the running task's CPUs ({@code spark.task.cpus}), or every
     *        processor outside a task
     * @return the shared model
     * @throws LoadException naming the path and the host when the directory, weights or tokenizer cannot be read
     */
    static SharedModel get(String model, String engine, String device, int threads) {
        String directory = Path.of(model).toAbsolutePath().normalize().toString();
        return MODELS.get(new Key(directory, engine, device, threads > 0 ? threads : taskCpus()));
    }

    static int taskCpus() {
        TaskContext task = TaskContext.get();
        return task != null ? Math.max(1, task.cpus()) : Runtime.getRuntime().availableProcessors();
    }

    /** @return how many model loads this JVM has started */
    static int loads() {
        return MODELS.loads();
    }

    /** Closes and forgets every model of this JVM (for a driver that is done; executors simply end). */
    public static void closeAll() {
        MODELS.clear().values().forEach(m -> m.model().close());
    }

    private static SharedModel load(Key key) {
        Path directory = Path.of(key.directory());
        if (!Files.isDirectory(directory)) {
            throw new LoadException("model", directory.toString(), Files.exists(directory) ? "not a directory"
                    : "no such directory", null);
        }
        if (!Files.isReadable(directory)) {
            throw new LoadException("model", directory.toString(), "the directory is not readable", null);
        }
        Engine engine;
        try {
            engine = Engines.create(key.engine(), key.device());
        } catch (IllegalStateException e) {
            throw new LoadException("model", directory.toString(), e.getMessage(), e);
        }
        Model model;
        try {
            model = engine.load(directory, new LoadOptions(key.threads(), key.device()));
        } catch (IOException | RuntimeException e) {
            throw new LoadException("model", directory.toString(), String.valueOf(e.getMessage()), e);
        }
        try {
            Tokenizer tokenizer = ExecutorTokenizers.load(directory.resolve(ModelProperties.TOKENIZER_FILE), Map.of());
            return new SharedModel(directory, model, tokenizer);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
