package io.bertlab.engine.java;

import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.engine.java.kernel.Gemm;
import io.bertlab.engine.java.kernel.Kernels;
import io.bertlab.engine.java.kernel.MatrixKernel;
import io.bertlab.engine.java.kernel.Parallel;
import io.bertlab.model.bert.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The pure-Java engine: runs BERT on the CPU with no native code. Matrix products use the JDK Vector API when the JVM
 * runs with {@code --add-modules jdk.incubator.vector}, plain Java otherwise.
 */
@Component(service = Engine.class, property = {
    EngineProperties.ENGINE + "=" + EngineProperties.JAVA,
    EngineProperties.DEVICE + "=" + EngineProperties.CPU
})
public final class JavaEngine implements Engine {

    private static final String VERSION = "1.0.0";

    @Override
    public EngineInfo info() {
        return info(defaultThreads());
    }

    private static EngineInfo info(int threads) {
        return new EngineInfo(EngineProperties.JAVA, VERSION + " (" + Kernels.best().name() + " kernel)",
                List.of(EngineProperties.CPU), threads);
    }

    private static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Model load(Path directory, LoadOptions options) throws IOException {
        if (options.device() != null && !options.device().equals(EngineProperties.CPU)) {
            throw new IllegalArgumentException("the java engine runs on the cpu only, not on '" + options.device() + "'");
        }
        ModelDirectory.Checkpoint checkpoint = ModelDirectory.load(directory);
        return load(checkpoint, options.threads(), directory.resolve(ModelProperties.CONFIG_FILE));
    }

    /**
     * Builds a model from a checkpoint already in memory (e.g. just imported from ONNX).
     *
     * @param checkpoint the configuration and verified weights
     * @param threads compute threads, {@code 0} for one per processor
     * @param configFile the configuration's file, named in errors
     * @return the model
     * @throws IOException when the configuration names an unsupported activation
     */
    public static Model load(ModelDirectory.Checkpoint checkpoint, int threads, Path configFile) throws IOException {
        int count = threads > 0 ? threads : defaultThreads();
        MatrixKernel kernel = Kernels.best();
        EncoderWeights weights = new EncoderWeights(checkpoint.config(), checkpoint.weights(), kernel, configFile);
        return new JavaModel(info(count), weights, checkpoint.weights(), new Gemm(kernel, new Parallel(count)));
    }
}
