package io.bertlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandIndexTest {

    @TempDir
    Path home;

    @Test
    void commandsComeFromTheComponentDescriptorsOfEachFeaturesBundles() throws Exception {
        Path jar = bundle("greeter", Map.of("hello", "Greet someone", "bye", "Say goodbye"));
        feature("greetings", "greeter");
        CommandIndex index = CommandIndex.read(FeatureCatalog.read(home.resolve("features")), home.resolve("system"));

        assertTrue(index.complete());
        assertEquals(Set.of("greetings"), index.find("hello").features());
        assertEquals("Say goodbye", index.summaries().get("bye"));
        assertNull(index.find("frobnicate"));
        assertTrue(Files.exists(home.resolve("system").resolve(CommandIndex.CACHE_FILE)));

        // a rebuilt jar (another size and time) is read again rather than taken from the cache
        Files.delete(jar);
        bundle("greeter", Map.of("hello", "Greet someone warmly"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        CommandIndex again = CommandIndex.read(FeatureCatalog.read(home.resolve("features")), home.resolve("system"));
        assertEquals("Greet someone warmly", again.summaries().get("hello"));
        assertNull(again.find("bye"));
    }

    @Test
    void aBundleThatCannotBeReadMakesTheIndexIncomplete() throws Exception {
        feature("ghost", "missing");
        CommandIndex index = CommandIndex.read(FeatureCatalog.read(home.resolve("features")), home.resolve("system"));
        assertFalse(index.complete());
    }

    private void feature(String name, String artifact) throws IOException {
        Files.createDirectories(home.resolve("features"));
        Files.writeString(home.resolve("features/" + name + ".json"), "{ \"id\": \"io.bertlab.test:" + name
                + ":osgifeature:1.0.0\", \"bundles\": [ { \"id\": \"io.bertlab.test:" + artifact + ":1.0.0\" } ] }");
    }

    /** A bundle whose one descriptor declares the commands (name to summary), as bnd writes them. */
    private Path bundle(String artifact, Map<String, String> commands) throws IOException {
        Path jar = home.resolve("system/io/bertlab/test/" + artifact + "/1.0.0/" + artifact + "-1.0.0.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-SymbolicName", artifact);
        attributes.putValue("Service-Component", "OSGI-INF/*.xml");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<components>\n");
        commands.forEach((name, summary) -> xml.append("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\"")
                .append(" name=\"").append(name).append("\">\n")
                .append("  <property name=\"bertlab.command.name\" type=\"String\" value=\"").append(name).append("\"/>\n")
                .append("  <property name=\"bertlab.command.summary\" type=\"String\" value=\"").append(summary)
                .append("\"/>\n  <service><provide interface=\"io.bertlab.api.command.Command\"/></service>\n")
                .append("</scr:component>\n"));
        xml.append("</components>\n");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry("OSGI-INF/commands.xml"));
            jarOut.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        return jar;
    }
}
