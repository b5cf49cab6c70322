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
import io.bertlab.model.bert.ModelDirectory;
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
 * A named model: one factory configuration, one {@link Model} service. A configuration is checked when it is applied
 * (the engine, {@code config.json}, and the safetensors header against it) and its weights are loaded on first use,
 * or at once with {@code bertlab.model.preload=true}. A changed configuration (another directory, engine, device or
 * thread count) of a model already in use loads the new model first and then swaps it in, so consumers keep the
 * same service and no call fails; the old model closes when its last call ends.
 *
 * <p>A configuration that cannot be loaded (a missing directory, no such engine) never makes activation throw:
 * {@link ConfigurationStatus} says so in one line and publishes the failure, which commands given the name report.
 * The service stays registered (Declarative Services owns it) and its calls throw with the same message; after a
 * failed change it keeps serving the model it had. Weights that fail to load on first use are reported the same way.
 */
@Component(service = Model.class, configurationPid = ConfiguredModel.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ModelConfiguration.class, factory = true)
public class ConfiguredModel implements Model {

    /** The factory PID of named models. */
    public static final String FACTORY_PID = "io.bertlab.model";

    private final Map<Engine, Map<String, Object>> engines = new ConcurrentHashMap<>();
    /** Null until a configuration has been applied. */
    private volatile SwappableModel model;
    /** Null until a configuration has been applied. */
    private volatile Applied applied;
    private ConfigurationStatus status;

    /** The configuration in service, its properties, and the model made from it. */
    private record Applied(ModelConfiguration configuration, Map<String, Object> properties, DeferredModel model) {
    }

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
        Applied previous = applied;
        if (previous != null && sameModel(previous.configuration(), configuration)) {
            // only the name changed (or a failed change was undone): the model stays
            applied = new Applied(configuration, properties, previous.model());
            status.applied();
            return;
        }
        try {
            DeferredModel next = prepare(configuration);
            if (configuration.bertlab_model_preload() || previous != null && previous.model().isLoaded()) {
                next.load(); // in use: the swap must not make the next call wait for, or fail on, the new weights
            }
            if (model == null) {
                model = new SwappableModel(next);
            } else {
                model.swap(next);
            }
            applied = new Applied(configuration, properties, next);
            status.applied();
        } catch (IOException | RuntimeException e) {
            status.failed(configuration.bertlab_model_name(), properties, e, model != null);
        }
    }

    /**
     * Loads the weights of the model in service, if that has not happened: a command calls this before it uses
     * the model, so that weights that cannot be loaded fail as a message, not in the middle of its work.
     *
     * @throws IOException why the weights cannot be loaded, naming the configuration and the file
     */
    public void load() throws IOException {
        Applied inService = applied;
        if (inService == null) {
            throw new IOException(status.failure().map(UnavailableConfiguration::message).orElse("no model loaded"));
        }
        try {
            inService.model().load();
        } catch (IOException e) {
            // the message that names the configuration, as for one that failed when it was applied
            throw new IOException(status.failure().map(UnavailableConfiguration::message).orElse(e.getMessage()), e);
        }
    }

    private DeferredModel prepare(ModelConfiguration configuration) throws IOException {
        Path directory = Paths.get(configuration.bertlab_model_directory());
        Engine engine = EngineSelection.select(engines, configuration.bertlab_engine(), configuration.bertlab_device())
                .orElseThrow(() -> new IllegalStateException("no engine " + configuration.bertlab_engine() + "/"
                        + configuration.bertlab_device() + " is installed; installed: "
                        + EngineSelection.describe(engines)));
        ModelConfig config = ModelDirectory.check(directory);
        LoadOptions options = new LoadOptions(configuration.bertlab_model_threads(), configuration.bertlab_device());
        return new DeferredModel(engine, directory, options, config, this::loadFailed);
    }

    /** Weights failed to load on first use: when they are those in service, the configuration is unavailable. */
    private synchronized void loadFailed(DeferredModel failed, IOException failure) {
        Applied inService = applied;
        if (inService != null && failed == inService.model()) {
            status.failed(inService.configuration().bertlab_model_name(), inService.properties(), failure, false);
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
                && a.bertlab_model_threads() == b.bertlab_model_threads()
                && a.bertlab_model_preload() == b.bertlab_model_preload();
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
