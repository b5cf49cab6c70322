package io.bertlab.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Unpacked copies of the bundles that embed jars on their {@code Bundle-ClassPath} (the DJL engines and the HF
 * tokenizers: 190 MB, mostly native libraries). Felix copies a bundle's embedded jars into the framework storage when
 * it resolves a bundle installed from a jar, and each run has fresh storage, so every run paid that copy (about a
 * second); from a folder, Felix reads the embedded jars where they are. The copies live in
 * {@code system/.unpacked/}, one per jar, named by the jar's name, size and modification time: the first run that
 * needs one writes it under a temporary name and renames it into place, so a concurrent run sees a whole copy or
 * none, and a rebuilt jar gets a new copy (the old one is removed then). Where {@code system/} cannot be written,
 * the jar itself is installed, as before.
 */
final class UnpackedBundles {

    /** The folder, under {@code system/}, of the unpacked copies. */
    static final String FOLDER = ".unpacked";

    /** The name prefix of a copy being written. */
    private static final String PARTIAL = "partial-";

    private final Path root;

    UnpackedBundles(Path system) {
        this.root = system.resolve(FOLDER);
    }

    /**
     * What to install for a bundle jar.
     *
     * @param jar the bundle jar
     * @return its unpacked copy when it embeds jars and the copy exists or could be made, else the jar itself
     */
    Path contentOf(Path jar) {
        try {
            if (!embedsJars(jar)) {
                return jar;
            }
            String name = jar.getFileName().toString();
            Path copy = root.resolve(name + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
            if (Files.isDirectory(copy)) {
                return copy;
            }
            Files.createDirectories(root);
            removeOutdatedCopies(name, copy);
            removeAbandonedPartials();
            Path partial = Files.createTempDirectory(root, PARTIAL);
            try {
                unpack(jar, partial);
                readableByAll(partial);
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException concurrentRunWasFirst) {
                deleteRecursively(partial);
            } catch (IOException | RuntimeException e) {
                deleteRecursively(partial);
                throw e;
            }
            return Files.isDirectory(copy) ? copy : jar;
        } catch (IOException | RuntimeException e) {
            // a read-only distribution, a full disk: the jar serves as it always did, only slower
            return jar;
        }
    }

    /** A temporary folder is its owner's alone; the copy serves whoever may read the jar. */
    private static void readableByAll(Path folder) {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    private static boolean embedsJars(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null
                    : manifest.getMainAttributes().getValue(new Attributes.Name("Bundle-ClassPath"));
            if (classPath == null) {
                return false;
            }
            for (String entry : classPath.split(",")) {
                if (entry.split(";")[0].trim().endsWith(".jar")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Copies of earlier builds of the same jar: no run of this distribution installs them any more. */
    private void removeOutdatedCopies(String name, Path current) throws IOException {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(root, name + "-*")) {
            for (Path copy : copies) {
                String suffix = copy.getFileName().toString().substring(name.length() + 1);
                if (!copy.equals(current) && suffix.matches("\\d+-\\d+")) {
                    deleteRecursively(copy);
                }
            }
        }
    }

    /** Halves of copies whose run was killed while writing them; an hour is far beyond any copy's time. */
    private void removeAbandonedPartials() throws IOException {
        long anHourAgo = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(root, PARTIAL + "*")) {
            for (Path partial : partials) {
                if (Files.getLastModifiedTime(partial).toMillis() < anHourAgo) {
                    deleteRecursively(partial);
                }
            }
        }
    }

    private static void unpack(Path jar, Path folder) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException("entry outside the bundle: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover folder is harmless: the next run that needs the copy makes it again
        }
    }
}
