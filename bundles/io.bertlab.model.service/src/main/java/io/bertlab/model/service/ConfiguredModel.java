package io.bertlab.model.service;

import io.bertlab.api.configuration.ConfigurationStatus;
import io.bertlab.api.configuration.UnavailableConfiguration;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A named model: one factory configuration, one {@link Model} service. A changed configuration (another
 * directory, engine, device or thread count) loads the new model first and then swaps it in, so consumers keep
 * the same service and no call fails; the old model closes when its last call ends.
 *
 * <p>A configuration that cannot be loaded (a missing directory, no such engine) never makes activation throw:
 * {@link ConfigurationStatus} says so in one line and publishes the failure, which commands given the name report.
 * The service stays registered (Declarative Services owns it) and its calls throw with the same message; after a
 * failed change it keeps serving the model it had.
 */
@Component(service = Model.class, configurationPid = ConfiguredModel.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ModelConfiguration.class, factory = true)
public class ConfiguredModel implements Model {

    /** The factory PID of named models. */
    public static final String FACTORY_PID = "io.bertlab.model";

    private final Map<Engine, Map<String, Object>> engines = new ConcurrentHashMap<>();
    /** Null until a configuration has loaded. */
    private volatile SwappableModel model;
    /** The configuration the model in service was loaded from. */
    private volatile ModelConfiguration loaded;
    private ConfigurationStatus status;

    @Reference(service = Engine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEngine(Engine engine, Map<String, Object> properties) {
        engines.put(engine, properties);
    }

    void removeEngine(Engine engine) {
        engines.remove(engine);
    }

    @Activate
    void activate(BundleContext context, ModelConfiguration configuration, Map<String, Object> properties) {
        status = new ConfigurationStatus(context, UnavailableConfiguration.MODEL);
        apply(configuration, properties);
    }

    @Modified
    void modified(ModelConfiguration configuration, Map<String, Object> properties) {
        apply(configuration, properties);
    }

    @Deactivate
    void deactivate() {
        if (model != null) {
            model.close();
        }
        status.close();
    }

    private synchronized void apply(ModelConfiguration configuration, Map<String, Object> properties) {
        ModelConfiguration previous = loaded;
        if (previous != null && sameModel(previous, configuration)) {
            loaded = configuration; // only the name changed (or a failed change was undone): the model stays
            status.applied();
            return;
        }
        try {
            Model next = load(configuration);
            if (model == null) {
                model = new SwappableModel(next);
            } else {
                model.swap(next);
            }
            loaded = configuration;
            status.applied();
        } catch (IOException | RuntimeException e) {
            status.failed(configuration.bertlab_model_name(), properties, e, model != null);
        }
    }

    private SwappableModel serving() {
        SwappableModel serving = model;
        if (serving == null) {
            throw new IllegalStateException(status.failure().map(f -> f.message()).orElse("no model loaded"));
        }
        return serving;
    }

    private static boolean sameModel(ModelConfiguration a, ModelConfiguration b) {
        return a.bertlab_model_directory().equals(b.bertlab_model_directory())
                && a.bertlab_engine().equals(b.bertlab_engine()) && a.bertlab_device().equals(b.bertlab_device())
                && a.bertlab_model_threads() == b.bertlab_model_threads();
    }

    private Model load(ModelConfiguration configuration) throws IOException {
        Path directory = Paths.get(configuration.bertlab_model_directory());
        Engine engine = EngineSelection.select(engines, configuration.bertlab_engine(), configuration.bertlab_device())
                .orElseThrow(() -> new IllegalStateException("no engine " + configuration.bertlab_engine() + "/"
                        + configuration.bertlab_device() + " is installed; installed: "
                        + EngineSelection.describe(engines)));
        return engine.load(directory, new LoadOptions(configuration.bertlab_model_threads(),
                configuration.bertlab_device()));
    }

    @Override
    public ModelConfig config() {
        return serving().config();
    }

    @Override
    public EngineInfo engine() {
        return serving().engine();
    }

    @Override
    public ForwardResult forward(Batch batch, ForwardOptions options) {
        return serving().forward(batch, options);
    }

    @Override
    public TrainingSession openSession(TrainingSpec spec) {
        return serving().openSession(spec);
    }

    /** The component's life is managed by ConfigAdmin: consumers cannot close a shared model. */
    @Override
    public void close() {
        // deactivation closes it
    }

}
