package io.bertlab.integration.equinox;

import java.util.Map;

/** The checks of {@link FrameworkChecks} in Eclipse Equinox. */
class EquinoxIT extends FrameworkChecks {

    @Override
    String name() {
        return "Equinox";
    }

    @Override
    String factoryClass() {
        return "org.eclipse.osgi.launch.EquinoxFactory";
    }

    @Override
    Map<String, String> ownProperties() {
        return Map.of(
                // Equinox's log (framework errors, LogService entries) on the console, not only in its storage
                "eclipse.consoleLog", "true",
                // stricter than Equinox's default: a package a bundle does not import is not found through the boot
                // class loader, as in Felix
                "osgi.compatibility.bootdelegation", "false");
    }
}
