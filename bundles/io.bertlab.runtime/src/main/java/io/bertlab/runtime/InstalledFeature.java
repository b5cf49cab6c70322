package io.bertlab.runtime;

import io.bertlab.api.runtime.LauncherProperties;
import java.util.Map;
import org.osgi.service.feature.Feature;

/** A feature service as the launcher registered it: the parsed feature plus where its bundles went. */
record InstalledFeature(String name, Feature feature, boolean installed, long[] bundleIds) {

    static InstalledFeature of(Feature feature, Map<String, Object> properties) {
        Object ids = properties.get(LauncherProperties.FEATURE_BUNDLE_IDS);
        long[] bundleIds = new long[0];
        if (ids instanceof Long[] boxed) {
            bundleIds = new long[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                bundleIds[i] = boxed[i];
            }
        }
        return new InstalledFeature(String.valueOf(properties.get(LauncherProperties.FEATURE_NAME)), feature,
                Boolean.TRUE.equals(properties.get(LauncherProperties.FEATURE_INSTALLED)), bundleIds);
    }
}
