package io.bertlab.runtime;

import io.bertlab.api.runtime.LauncherProperties;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the configurations of each installed feature to ConfigAdmin, so that a feature file carries both its
 * bundles and their default configuration. A configuration is written only when its values differ, so files
 * dropped into {@code deploy/} (FileInstall) can still override it at run time. String values may name framework
 * properties as {@code ${name}} (e.g. {@code ${bertlab.home}/models/minilm}), so that a feature can point at files
 * of the installation wherever it lives.
 */
@Component
public class FeatureConfigurator {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureConfigurator.class);

    private final ConfigurationAdmin configurationAdmin;
    private final BundleContext context;

    /**
     * Takes ConfigAdmin in the constructor: DS binds the features only after construction, whatever order it gives
     * the references.
     *
     * @param configurationAdmin where configurations go
     * @param context the framework properties that {@code ${name}} refers to
     */
    @Activate
    public FeatureConfigurator(@Reference ConfigurationAdmin configurationAdmin, BundleContext context) {
        this.configurationAdmin = configurationAdmin;
        this.context = context;
    }

    @Reference(service = Feature.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + LauncherProperties.FEATURE_INSTALLED + "=true)")
    void addFeature(Feature feature) {
        for (FeatureConfiguration configuration : feature.getConfigurations().values()) {
            try {
                apply(configuration);
            } catch (IOException | RuntimeException e) {
                LOG.error("Feature {}: configuration '{}' could not be applied: {}", feature.getID(),
                        configuration.getPid(), e.getMessage());
            }
        }
    }

    void removeFeature(Feature feature) {
        // Configurations outlive the feature service: they belong to ConfigAdmin from here on.
    }

    private void apply(FeatureConfiguration configuration) throws IOException {
        String pid = configuration.getPid();
        Configuration target;
        if (configuration.getFactoryPid().isPresent()) {
            String factoryPid = configuration.getFactoryPid().get();
            String name = pid.substring(pid.indexOf('~') + 1);
            target = configurationAdmin.getFactoryConfiguration(factoryPid, name, "?");
        } else {
            target = configurationAdmin.getConfiguration(pid, "?");
        }
        Dictionary<String, Object> values = new Hashtable<>();
        for (Map.Entry<String, Object> value : configuration.getValues().entrySet()) {
            values.put(value.getKey(), value.getValue() instanceof String text
                    ? FrameworkPropertyReferences.resolve(text, context::getProperty) : value.getValue());
        }
        target.updateIfDifferent(values);
    }
}
