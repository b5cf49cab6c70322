package io.bertlab.launcher;

import io.bertlab.api.command.CommandProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.osgi.service.feature.FeatureBundle;

/**
 * Which feature provides which command, known before any framework starts: read from the Declarative Services
 * descriptors of the features' bundles (the {@code Service-Component} header and the component XML it names), where
 * bnd writes each command's {@value CommandProperties#NAME} and {@value CommandProperties#SUMMARY} properties. The
 * launcher uses it to start only the features a command needs, and to print the command list without a framework.
 * A jar is opened by its central directory, so even the DJL bundle costs little, but parsing some thirty jars and
 * their descriptors on a cold JVM still took a quarter of a second: what a jar declares is kept in
 * {@code system/.command-index} by the jar's path, size and modification time, and a jar is read again only when
 * those change (the file is rewritten whole and renamed into place, so concurrent runs never see half of it; where
 * {@code system/} is read-only, every run reads the jars).
 */
final class CommandIndex {

    /** One command as a bundle declares it: its name, its summary, and the features whose bundles declare it. */
    record Entry(String name, String summary, Set<String> features) {
    }

    private static final String SERVICE_COMPONENT = "Service-Component";

    /** Reads component descriptors; they never need external entities, so a bundle cannot make it fetch any. */
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    }

    private final SortedMap<String, Entry> commands;
    private final boolean complete;

    private CommandIndex(SortedMap<String, Entry> commands, boolean complete) {
        this.commands = commands;
        this.complete = complete;
    }

    /**
     * Reads the commands of every feature of a catalog.
     *
     * @param catalog the distribution's features
     * @param system the distribution's {@code system/} folder
     * @return the index; {@linkplain #complete() incomplete} when a bundle could not be read, in which case the run
     *         that installs it reports why
     */
    static CommandIndex read(FeatureCatalog catalog, Path system) {
        BundleRepository repository = new BundleRepository(system);
        Path cacheFile = system.resolve(CACHE_FILE);
        Properties cache = readCache(cacheFile);
        Properties current = new Properties();
        SortedMap<String, Entry> commands = new TreeMap<>();
        boolean complete = true;
        for (FeatureCatalog.Entry feature : catalog.entries()) {
            for (FeatureBundle bundle : feature.feature().getBundles()) {
                try {
                    Path jar = repository.locate(bundle.getID(), feature);
                    for (Map.Entry<String, String> command : commandsOf(jar, system, cache, current).entrySet()) {
                        commands.computeIfAbsent(command.getKey(),
                                name -> new Entry(name, command.getValue(), new LinkedHashSet<>()))
                                .features().add(feature.name());
                    }
                } catch (LaunchException | IOException | XMLStreamException | RuntimeException e) {
                    complete = false;
                }
            }
        }
        if (!current.equals(cache)) {
            writeCache(cacheFile, current);
        }
        return new CommandIndex(commands, complete);
    }

    /** The file, under {@code system/}, that keeps what each jar declares. */
    static final String CACHE_FILE = ".command-index";

    /** Cache keys: {@code <jar>} holds "size modified", {@code <jar>!<command>} a command's summary. */
    private static final String COMMAND_KEY = "!";

    /** A jar's commands from the cache when its size and time still match, else read from the jar. */
    private static Map<String, String> commandsOf(Path jar, Path system, Properties cache, Properties current)
            throws IOException, XMLStreamException {
        String key = system.relativize(jar).toString();
        String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        Map<String, String> commands = new HashMap<>();
        if (stamp.equals(cache.getProperty(key))) {
            String prefix = key + COMMAND_KEY;
            cache.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                    .forEach(k -> commands.put(k.substring(prefix.length()), cache.getProperty(k)));
        } else {
            commands.putAll(commandsOf(jar));
        }
        current.setProperty(key, stamp);
        commands.forEach((name, summary) -> current.setProperty(key + COMMAND_KEY + name, summary));
        return commands;
    }

    private static Properties readCache(Path file) {
        Properties cache = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            cache.load(in);
        } catch (IOException | IllegalArgumentException e) {
            cache.clear(); // absent or damaged: the jars are read
        }
        return cache;
    }

    private static void writeCache(Path file, Properties cache) {
        Path partial = null;
        try {
            partial = Files.createTempFile(file.getParent(), CACHE_FILE, ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                cache.store(out, "what each bundle jar declares; rebuilt by bin/bertlab when a jar changes");
            }
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // read-only system/ (an installed distribution): the next run reads the jars again
            if (partial != null) {
                partial.toFile().delete();
            }
        }
    }

    /** @return whether every bundle of every feature could be read */
    boolean complete() {
        return complete;
    }

    /** @return the command of that name, or {@code null} when no feature's bundle declares it */
    Entry find(String name) {
        return commands.get(name);
    }

    /** @return every command's summary, by name */
    SortedMap<String, String> summaries() {
        SortedMap<String, String> summaries = new TreeMap<>();
        commands.forEach((name, entry) -> summaries.put(name, entry.summary()));
        return summaries;
    }

    /**
     * Whether one of the bundle jars of a folder (such as {@code deploy/}) declares that command.
     *
     * @param folder the folder; absent is fine
     * @param name the command name
     * @return {@code true} when a jar there declares it, or when a jar there cannot be read (it may)
     */
    static boolean declaredInFolder(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : jars) {
                try {
                    if (commandsOf(jar).containsKey(name)) {
                        return true;
                    }
                } catch (IOException | XMLStreamException | RuntimeException e) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** @return whether a folder (such as {@code deploy/}) holds bundle jars, whose commands only a framework knows */
    static boolean holdsJars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return true;
        }
    }

    /** The commands a bundle's components declare: name to summary. */
    private static Map<String, String> commandsOf(Path jar) throws IOException, XMLStreamException {
        Map<String, String> commands = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue(SERVICE_COMPONENT);
            if (header == null) {
                return commands;
            }
            for (String path : descriptorPaths(file, header)) {
                ZipEntry entry = file.getEntry(path);
                if (entry != null) {
                    try (InputStream in = file.getInputStream(entry)) {
                        readCommands(in, commands);
                    }
                }
            }
        }
        return commands;
    }

    /**
     * The descriptor paths of a {@code Service-Component} header: comma-separated paths, where the last segment may
     * hold {@code *} wildcards (OSGi Compendium 112.4.1); attributes after {@code ;} do not matter here.
     */
    private static List<String> descriptorPaths(JarFile file, String header) {
        List<String> paths = new ArrayList<>();
        for (String clause : header.split(",")) {
            String path = clause.split(";")[0].trim();
            if (path.startsWith("/")) {
                path = path.substring(1);
            }
            if (!path.contains("*")) {
                paths.add(path);
                continue;
            }
            int slash = path.lastIndexOf('/');
            String folder = path.substring(0, slash + 1);
            Pattern name = Pattern.compile(Pattern.quote(path.substring(slash + 1)).replace("*", "\\E.*\\Q"));
            file.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0
                            && name.matcher(n.substring(folder.length())).matches())
                    .forEach(paths::add);
        }
        return paths;
    }

    /** Adds the name and summary of every component of a descriptor that carries a command name. */
    private static void readCommands(InputStream descriptor, Map<String, String> commands) throws XMLStreamException {
        XMLStreamReader reader = XML.createXMLStreamReader(descriptor);
        try {
            Map<String, String> properties = new HashMap<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("component")) {
                    properties.clear();
                } else if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("property")) {
                    String name = reader.getAttributeValue(null, "name");
                    String value = reader.getAttributeValue(null, "value");
                    if (name != null && value != null) {
                        properties.put(name, value);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("component")) {
                    String name = properties.get(CommandProperties.NAME);
                    if (name != null) {
                        commands.putIfAbsent(name, properties.getOrDefault(CommandProperties.SUMMARY, ""));
                    }
                }
            }
        } finally {
            reader.close();
        }
    }
}
