package io.bertlab.integration.equinox;

import java.util.Map;

/**
 * The checks of {@link FrameworkChecks} in Apache Felix, the framework of bin/bertlab: the baseline that
 * {@link EquinoxIT} is read against, and the example application's test on Felix.
 */
class FelixIT extends FrameworkChecks {

    @Override
    String name() {
        return "Felix";
    }

    @Override
    String factoryClass() {
        return "org.apache.felix.framework.FrameworkFactory";
    }

    @Override
    Map<String, String> ownProperties() {
        return Map.of(
                "felix.log.level", "1",
                // Felix SCR without a LogService prints warnings on standard output; errors only, as bin/bertlab
                "ds.loglevel", "error");
    }
}
