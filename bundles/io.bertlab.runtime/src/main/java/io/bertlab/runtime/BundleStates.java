package io.bertlab.runtime;

import org.osgi.framework.Bundle;

/** Bundle states by name, as people read them. */
final class BundleStates {

    private BundleStates() {
    }

    static String name(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.ACTIVE:
                return "ACTIVE";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            default:
                return "UNINSTALLED";
        }
    }
}
