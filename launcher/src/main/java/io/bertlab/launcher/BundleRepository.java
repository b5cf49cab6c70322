package io.bertlab.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.feature.ID;

/**
 * The distribution's {@code system/} folder: bundle jars in Maven repository layout, so that a feature's bundle
 * ID ({@code group:artifact[:type[:classifier]]:version}) names its file.
 */
final class BundleRepository {

    private final Path root;

    BundleRepository(Path root) {
        this.root = root;
    }

    /** The jar of a bundle ID; fails naming the feature, the ID and the expected file when absent. */
    Path locate(ID id, FeatureCatalog.Entry feature) throws LaunchException {
        String fileName = id.getArtifactId() + "-" + id.getVersion()
                + id.getClassifier().map(c -> "-" + c).orElse("") + "." + id.getType().orElse("jar");
        Path file = root.resolve(id.getGroupId().replace('.', '/')).resolve(id.getArtifactId())
                .resolve(id.getVersion()).resolve(fileName);
        if (!Files.isReadable(file)) {
            throw new LaunchException("feature '" + feature.name() + "' (" + feature.file() + ") lists bundle " + id
                    + ", but its file is missing or unreadable: " + file, LaunchException.FAILURE);
        }
        return file;
    }
}
