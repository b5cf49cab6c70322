package io.bertlab.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real data in {@code ../shared/data} beside the project root.
 *
 * <p>A user's fresh clone may not have it: then tests that need it are skipped with a message naming what is
 * missing. Under {@code CI=true} its absence fails the test instead, so that CI never passes by skipping.
 */
public final class SharedData {

    private SharedData() {
    }

    /**
     * The project root: the system property {@code bertlab.project.root} set by the build, else the working
     * directory's nearest ancestor holding {@code .mvn}.
     *
     * @return the absolute project root
     */
    public static Path projectRoot() {
        String configured = System.getProperty("bertlab.project.root");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        return dir;
    }

    /**
     * The {@code ../shared/data} folder beside the project root.
     *
     * @return its absolute path (which may not exist)
     */
    public static Path dataRoot() {
        return projectRoot().resolve("../shared/data").normalize();
    }

    /**
     * A file or folder under {@code ../shared/data}; skips the calling test when it is absent, or fails it under
     * {@code CI=true}.
     *
     * @param relative a path relative to {@code ../shared/data}, e.g. {@code tokenizers/bert-base-uncased}
     * @return the absolute path, which exists
     */
    public static Path require(String relative) {
        Path path = dataRoot().resolve(relative).normalize();
        if (!Files.exists(path)) {
            String message = "shared data missing: " + path + " (expected ../shared/data/" + relative
                    + " beside the project root)";
            if (isCi()) {
                Assertions.fail(message + "; under CI=true this is a failure, not a skip");
            }
            Assumptions.abort(message);
        }
        return path;
    }

    /**
     * A reference output committed under {@code testdata/references} (see its README.md for how each was made).
     *
     * @param relative a path relative to {@code testdata/references}, e.g. {@code bert-tiny/reference.safetensors}
     * @return the absolute path; the test fails when it is missing, since it is part of the repository
     */
    public static Path reference(String relative) {
        Path path = projectRoot().resolve("testdata/references").resolve(relative).normalize();
        if (!Files.exists(path)) {
            Assertions.fail("reference file missing from the repository: " + path);
        }
        return path;
    }

    /**
     * Whether tests run under CI ({@code CI=true} in the environment).
     *
     * @return true under CI
     */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
