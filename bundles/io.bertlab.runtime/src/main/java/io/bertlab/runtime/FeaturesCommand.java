package io.bertlab.runtime;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.configuration.UnavailableConfiguration;
import io.bertlab.api.configuration.UnavailableConfigurations;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;

/**
 * {@code bertlab features}: every feature with its bundles and their states, bundles that came from elsewhere
 * (e.g. {@code deploy/}), the Declarative Services components that are not satisfied, with what they miss, and the
 * named models and tokenizers whose configuration failed, with why. Exits 1 when a chosen bundle is not active, a
 * component is unsatisfied or a configuration failed, so scripts can check a system.
 */
@Component(service = Command.class)
@CommandProperties(name = "features", summary = "List features, their bundles and states, and unsatisfied components")
public class FeaturesCommand implements Command {

    private final List<InstalledFeature> features = new CopyOnWriteArrayList<>();
    private final UnavailableConfigurations unavailable = new UnavailableConfigurations();
    private final BundleContext context;

    @Reference
    private ServiceComponentRuntime componentRuntime;

    @Activate
    public FeaturesCommand(BundleContext context) {
        this.context = context;
    }

    @Reference(service = Feature.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFeature(Feature feature, Map<String, Object> properties) {
        features.add(InstalledFeature.of(feature, properties));
    }

    void removeFeature(Feature feature) {
        features.removeIf(f -> f.feature() == feature);
    }

    @Reference(service = UnavailableConfiguration.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addUnavailable(UnavailableConfiguration failure) {
        unavailable.add(failure);
    }

    void removeUnavailable(UnavailableConfiguration failure) {
        unavailable.remove(failure);
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab features [--components]",
                "",
                "Lists every feature found in features/ (installed or not), the bundles of each with their state,",
                "bundles installed from elsewhere (deploy/, the shell), and every Declarative Services component",
                "that is not satisfied, naming the reference it misses; and every named model or tokenizer whose",
                "configuration failed (FAILED), with its file and why.",
                "",
                "Options:",
                "  --components   also list every satisfied component",
                "",
                "Exit status: 0 when every installed bundle is ACTIVE, no component is unsatisfied and no",
                "configuration failed, else 1.",
                "",
                "Example: bertlab --features core,shell features");
    }

    @Override
    public int run(CommandContext call) throws Exception {
        Arguments arguments = Arguments.parse("features", call.arguments(), Set.of("--components"), Set.of());
        if (!arguments.positional().isEmpty()) {
            throw new io.bertlab.api.command.UsageException("features: unexpected argument '"
                    + arguments.positional().get(0) + "'");
        }
        List<ServiceReference<?>> configured = getConfiguredServices();
        try {
            return list(call.out(), arguments.has("--components"));
        } finally {
            configured.forEach(context::ungetService);
        }
    }

    private int list(PrintStream out, boolean allComponents) {
        Set<Long> listed = new HashSet<>();
        int inactive = 0;
        List<InstalledFeature> sorted = features.stream()
                .sorted(Comparator.comparing(InstalledFeature::name)).toList();
        for (InstalledFeature feature : sorted) {
            inactive += printFeature(out, feature, listed);
        }
        inactive += printOtherBundles(out, listed);
        ComponentReport components = new ComponentReport(componentRuntime);
        components.print(out, allComponents);
        List<UnavailableConfiguration> failed = unavailable.all();
        if (!failed.isEmpty()) {
            out.println("Failed configurations");
            failed.forEach(f -> out.println("  FAILED      " + f.message()));
        }
        int bundles = (int) listed.stream().map(context::getBundle).filter(b -> b != null).count();
        out.printf("%nSummary: %d bundles listed, %d not active; %s, %d configurations failed%n", bundles, inactive,
                components.summary(), failed.size());
        return inactive == 0 && components.unsatisfied() == 0 && failed.isEmpty() ? 0 : 1;
    }

    /**
     * Gets every service that a factory configuration created, such as a named model or tokenizer from
     * {@code deploy/}. Commands activate only what they use, so a configuration that no command of this run has
     * touched has not been tried yet; trying it publishes its failure, if it fails. The caller gives the services
     * back after the listing: a component nobody uses is deactivated, and its failure withdrawn with it.
     */
    private List<ServiceReference<?>> getConfiguredServices() {
        List<ServiceReference<?>> got = new ArrayList<>();
        try {
            ServiceReference<?>[] configured = context.getServiceReferences((String) null, "(service.factoryPid=*)");
            for (ServiceReference<?> reference : configured == null ? new ServiceReference<?>[0] : configured) {
                if (context.getService(reference) != null) {
                    got.add(reference);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return got;
    }

    private int printFeature(PrintStream out, InstalledFeature installed, Set<Long> listed) {
        Feature feature = installed.feature();
        String title = feature.getName().map(n -> " - " + n).orElse("");
        out.printf("Feature %s%s [%s]%n", installed.name(), title, installed.installed() ? "installed" : "not chosen");
        List<FeatureBundle> bundles = feature.getBundles();
        int inactive = 0;
        for (int i = 0; i < bundles.size(); i++) {
            String id = bundles.get(i).getID().toString();
            if (!installed.installed() || i >= installed.bundleIds().length) {
                out.printf("  %-11s %s%n", "-", id);
                continue;
            }
            Bundle bundle = context.getBundle(installed.bundleIds()[i]);
            listed.add(installed.bundleIds()[i]);
            if (bundle == null) {
                out.printf("  %-11s %s%n", "UNINSTALLED", id);
                inactive++;
            } else {
                if (!isActiveEnough(bundle)) {
                    inactive++;
                }
                out.printf("  %-11s %s %s%n", BundleStates.name(bundle), bundle.getSymbolicName(), bundle.getVersion());
            }
        }
        return inactive;
    }

    private int printOtherBundles(PrintStream out, Set<Long> listed) {
        int inactive = 0;
        boolean header = false;
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() == 0 || listed.contains(bundle.getBundleId())) {
                continue;
            }
            if (!header) {
                out.println("Other bundles");
                header = true;
            }
            listed.add(bundle.getBundleId());
            if (!isActiveEnough(bundle)) {
                inactive++;
            }
            out.printf("  %-11s %s %s (%s)%n", BundleStates.name(bundle), bundle.getSymbolicName(), bundle.getVersion(),
                    bundle.getLocation());
        }
        return inactive;
    }

    /** Fragments never become ACTIVE; RESOLVED is their good state. */
    private static boolean isActiveEnough(Bundle bundle) {
        boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
        return bundle.getState() == Bundle.ACTIVE || (fragment && bundle.getState() == Bundle.RESOLVED);
    }
}
