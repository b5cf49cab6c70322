package io.bertlab.model.service;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.EngineProperties;
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
 */
@Component(service = Model.class, configurationPid = ConfiguredModel.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ModelConfiguration.class, factory = true)
public class ConfiguredModel implements Model {

    /** The factory PID of named models. */
    public static final String FACTORY_PID = "io.bertlab.model";

    private final Map<Engine, Map<String, Object>> engines = new ConcurrentHashMap<>();
    private volatile SwappableModel model;
    private volatile ModelConfiguration loaded;

    @Reference(service = Engine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEngine(Engine engine, Map<String, Object> properties) {
        engines.put(engine, properties);
    }

    void removeEngine(Engine engine) {
        engines.remove(engine);
    }

    @Activate
    void activate(ModelConfiguration configuration) throws IOException {
        model = new SwappableModel(load(configuration));
        loaded = configuration;
    }

    @Modified
    void modified(ModelConfiguration configuration) throws IOException {
        ModelConfiguration previous = loaded;
        if (previous != null && sameModel(previous, configuration)) {
            return; // only the name changed: the service properties follow, the model stays
        }
        model.swap(load(configuration));
        loaded = configuration;
    }

    @Deactivate
    void deactivate() {
        model.close();
    }

    private static boolean sameModel(ModelConfiguration a, ModelConfiguration b) {
        return a.bertlab_model_directory().equals(b.bertlab_model_directory())
                && a.bertlab_engine().equals(b.bertlab_engine()) && a.bertlab_device().equals(b.bertlab_device())
                && a.bertlab_model_threads() == b.bertlab_model_threads();
    }

    private Model load(ModelConfiguration configuration) throws IOException {
        Path directory = Paths.get(configuration.bertlab_model_directory());
        Engine engine = EngineSelection.select(engines, configuration.bertlab_engine(), configuration.bertlab_device())
                .orElseThrow(() -> new IllegalStateException("model '" + configuration.bertlab_model_name()
                        + "': no engine " + configuration.bertlab_engine() + "/" + configuration.bertlab_device()
                        + " is installed; installed: " + EngineSelection.describe(engines)));
        return engine.load(directory, new LoadOptions(configuration.bertlab_model_threads(),
                configuration.bertlab_device()));
    }

    @Override
    public ModelConfig config() {
        return model.config();
    }

    @Override
    public EngineInfo engine() {
        return model.engine();
    }

    @Override
    public ForwardResult forward(Batch batch, ForwardOptions options) {
        return model.forward(batch, options);
    }

    @Override
    public TrainingSession openSession(TrainingSpec spec) {
        return model.openSession(spec);
    }

    /** The component's life is managed by ConfigAdmin: consumers cannot close a shared model. */
    @Override
    public void close() {
        // deactivation closes it
    }

}
