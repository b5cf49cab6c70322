package io.bertlab.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** The Declarative Services components of the running system, sorted into satisfied, unsatisfied and waiting. */
final class ComponentReport {

    private final List<String> satisfied = new ArrayList<>();
    private final List<String> unsatisfied = new ArrayList<>();
    private final List<String> waiting = new ArrayList<>();

    ComponentReport(ServiceComponentRuntime runtime) {
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            String label = description.name + " (bundle " + description.bundle.symbolicName + ")";
            Collection<ComponentConfigurationDTO> configurations = runtime.getComponentConfigurationDTOs(description);
            if (!runtime.isComponentEnabled(description)) {
                waiting.add(label + ": disabled");
            } else if (configurations.isEmpty()) {
                // A component whose configuration policy is REQUIRE waits for ConfigAdmin; that is not a fault.
                waiting.add(label + ": waiting for configuration '" + String.join("', '", description.configurationPid)
                        + "'");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                classify(label, description, configuration);
            }
        }
    }

    private void classify(String label, ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        switch (configuration.state) {
            case ComponentConfigurationDTO.SATISFIED:
            case ComponentConfigurationDTO.ACTIVE:
                satisfied.add(label);
                break;
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                StringBuilder missing = new StringBuilder(label).append(": missing reference");
                for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                    missing.append(' ').append(describe(description, reference));
                }
                unsatisfied.add(missing.toString());
                break;
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                unsatisfied.add(label + ": missing configuration '" + String.join("', '", description.configurationPid)
                        + "'");
                break;
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                unsatisfied.add(label + ": activation failed: " + configuration.failure);
                break;
            default:
                unsatisfied.add(label + ": state " + configuration.state);
        }
    }

    private static String describe(ComponentDescriptionDTO description, UnsatisfiedReferenceDTO unsatisfied) {
        for (ReferenceDTO reference : description.references) {
            if (reference.name.equals(unsatisfied.name)) {
                return "'" + reference.name + "' (" + reference.interfaceName
                        + (unsatisfied.target == null ? "" : ", target " + unsatisfied.target) + ")";
            }
        }
        return "'" + unsatisfied.name + "'";
    }

    void print(PrintStream out, boolean all) {
        out.println("Components");
        if (unsatisfied.isEmpty() && waiting.isEmpty() && !all) {
            out.println("  all " + satisfied.size() + " satisfied (--components lists them)");
        }
        unsatisfied.forEach(line -> out.println("  UNSATISFIED " + line));
        waiting.forEach(line -> out.println("  WAITING     " + line));
        if (all) {
            satisfied.forEach(line -> out.println("  SATISFIED   " + line));
        }
    }

    int unsatisfied() {
        return unsatisfied.size();
    }

    String summary() {
        return satisfied.size() + " components satisfied, " + unsatisfied.size() + " unsatisfied, "
                + waiting.size() + " waiting for configuration";
    }
}
