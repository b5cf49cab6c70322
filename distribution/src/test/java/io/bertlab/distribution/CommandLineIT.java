package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.distribution.Distribution.Run;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/bertlab} as people run it: a separate JVM, exit statuses and messages. */
class CommandLineIT {

    @TempDir
    Path temp;

    @Test
    void featuresListsEveryBundleActiveAndNoUnsatisfiedComponent() throws Exception {
        Run run = Distribution.run(Distribution.home(), "features");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("Feature core"), run.toString());
        assertTrue(run.out().contains("Feature shell"), run.toString());
        assertTrue(run.out().contains("ACTIVE      org.apache.felix.scr"), run.toString());
        assertTrue(run.out().contains("0 not active"), run.toString());
        assertTrue(run.out().contains("0 unsatisfied"), run.toString());
        assertFalse(run.out().contains("UNSATISFIED"), run.toString());
    }

    /**
     * A class-data archive fits one folder: a copy of the distribution gets one of its own, written once by the
     * warm-up before its first command (which prints nothing of it), and the classes of a later command come from it,
     * bundles' included.
     */
    @Test
    void aCopiedDistributionWritesItsOwnClassDataArchiveOnceAndUsesIt() throws Exception {
        Path copy = Distribution.copy(temp.resolve("copy"));
        List<Path> inherited = archives(copy);
        Run first = Distribution.run(copy, "--help");
        assertEquals(0, first.status(), first.toString());
        assertEquals("", first.err(), first.toString());
        List<Path> after = archives(copy);
        List<Path> written = new ArrayList<>(after);
        written.removeAll(inherited);
        assertEquals(1, written.size(), () -> "archives before " + inherited + ", after " + after);
        FileTime writtenAt = Files.getLastModifiedTime(written.get(0));

        Path classLog = temp.resolve("classes.log");
        Run tokenize = Distribution.runWithEnvironment(
                Map.of("BERTLAB_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), copy, new byte[0],
                "tokenize", "--tokenizer", copy.resolve("models/minilm/tokenizer.json").toString(), "Quero um cartão");
        assertEquals(0, tokenize.status(), tokenize.toString());
        assertEquals(writtenAt, Files.getLastModifiedTime(written.get(0)), "a fresh archive is not written again");
        List<String> loads = Files.readAllLines(classLog);
        long archived = loads.stream().filter(l -> l.contains("source: shared objects file (top)")).count();
        long fromJars = loads.stream().filter(l -> l.contains("source: file:")).count();
        // the launcher's, Felix's and the bundles' classes come from the archive; a few dozen (loaded for the
        // verifier only, which the JDK 17 archive leaves out, or not loaded by the warm-up) still come from jars
        assertTrue(archived > 1_000 && fromJars < 150, archived + " classes from the archive, " + fromJars
                + " from jars");
        assertTrue(loads.stream().anyMatch(l -> l.contains("io.bertlab.tokenizer.wordpiece.WordPieceModel ")
                && l.contains("shared objects file (top)")), "a bundle's class from the archive");
    }

    /** Every feature of the distribution, as a --features value. */
    private static String everyFeature() throws IOException {
        try (var files = Files.list(Distribution.home().resolve("features"))) {
            return files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.joining(","));
        }
    }

    private static List<Path> archives(Path home) throws IOException {
        try (var files = Files.list(home.resolve("lib"))) {
            return files.filter(f -> f.getFileName().toString().matches("bertlab.*\\.jsa"))
                    .collect(Collectors.toCollection(ArrayList::new));
        }
    }

    @Test
    void helpExplainsTheLauncherAndListsTheCommands() throws Exception {
        Run run = Distribution.run(Distribution.home(), "--help");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("--features a,b"), run.toString());
        assertTrue(run.out().matches("(?s).*\\n  features +List features.*"), run.toString());
        assertTrue(run.out().matches("(?s).*\\n  embed +Embed sentences.*"), run.toString());
        assertTrue(run.out().matches("(?s).*\\n  tokenize +Turn text into BERT inputs.*"), run.toString());
        assertTrue(run.out().matches("(?s).*\\n  compare-tokenizers +Put the same text through several tokenizers.*"),
                run.toString());

        Run commandHelp = Distribution.run(Distribution.home(), "features", "--help");
        assertEquals(0, commandHelp.status(), commandHelp.toString());
        assertTrue(commandHelp.out().contains("Usage: bertlab features [--components]"), commandHelp.toString());
    }

    @Test
    void commandListWithoutAFrameworkReadsAsTheFrameworksOwn() throws Exception {
        // without --features, --help lists the commands from the bundles' descriptors and starts no framework;
        // naming every feature makes the launcher start them all and ask the dispatcher instead
        String every = everyFeature();
        Run fromDescriptors = Distribution.run(Distribution.home(), "--help");
        Run fromFramework = Distribution.run(Distribution.home(), "--features", every, "--help");
        assertEquals(0, fromDescriptors.status(), fromDescriptors.toString());
        assertEquals(0, fromFramework.status(), fromFramework.toString());
        assertEquals(fromFramework.out(), fromDescriptors.out());

        Run help = Distribution.run(Distribution.home(), "help");
        assertEquals(0, help.status(), help.toString());
        assertTrue(fromFramework.out().endsWith(help.out()), help.toString());
    }

    @Test
    void embedUsesTheEmbeddedMiniLmWithoutModelOption() throws Exception {
        Run run = Distribution.run(Distribution.home(), "embed", "--normalize", "Quero um cartão adicional");
        assertEquals(0, run.status(), run.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertEquals("Quero um cartão adicional", json.get("text").asText(), run.toString());
        assertEquals(384, json.get("embedding").size(), "all-MiniLM-L6-v2's width");
        double norm = 0;
        for (var value : json.get("embedding")) {
            norm += value.asDouble() * value.asDouble();
        }
        assertEquals(1.0, norm, 1e-5, "--normalize: unit length (float32 squares summed over 384 values)");
    }

    @Test
    void zeroShotStsOfTheReadmeReachesTheModelsKnownQuality() throws Exception {
        Path glue = SharedData.require("glue");
        Run run = Distribution.run(Distribution.home(), "glue-sts", "--data", glue.toString(), "--format", "json");
        assertEquals(0, run.status(), run.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertEquals(1500, json.get("examples").asInt(), run.toString());
        // all-MiniLM-L6-v2 scores 0.867 (Spearman) on STS-B dev with the Java engine; the published test score is 0.82
        assertTrue(json.get("metrics").get("spearman").asDouble() > 0.85, run.toString());
        assertEquals(0.8203, json.get("published").get("value").asDouble(), 1e-12, run.toString());
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        Run run = Distribution.run(Distribution.home(), "frobnicate");
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("unknown command 'frobnicate'"), run.toString());
        assertEquals("", run.out(), run.toString());
    }

    @Test
    void unknownCommandWithoutAFrameworkReadsAsTheDispatchersAnswer() throws Exception {
        // without --features the launcher answers from the bundles' descriptors; naming every feature makes it
        // start them all and leaves the answer to the dispatcher
        String every = everyFeature();
        for (List<String> commandLine : List.of(List.of("frobnicate", "--now"), List.of("help", "frobnicate"))) {
            Run fromDescriptors = Distribution.run(Distribution.home(), commandLine.toArray(String[]::new));
            List<String> all = new ArrayList<>(List.of("--features", every));
            all.addAll(commandLine);
            Run fromFramework = Distribution.run(Distribution.home(), all.toArray(String[]::new));
            assertEquals(2, fromDescriptors.status(), fromDescriptors.toString());
            assertEquals(2, fromFramework.status(), fromFramework.toString());
            assertEquals(fromFramework.err(), fromDescriptors.err());
            assertEquals(fromFramework.out(), fromDescriptors.out());
        }
    }

    @Test
    void unknownFeatureIsAUsageErrorNamingTheKnownOnes() throws Exception {
        Run run = Distribution.run(Distribution.home(), "--features", "core,nonesuch", "features");
        assertEquals(2, run.status(), run.toString());
        String known;
        try (var files = Files.list(Distribution.home().resolve("features"))) {
            known = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")).sorted()
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        assertTrue(known.contains("core, "), known);
        assertTrue(run.err().contains("unknown feature 'nonesuch'; known features: " + known), run.toString());
    }

    @Test
    void unknownOptionsAreUsageErrors() throws Exception {
        Run launcher = Distribution.run(Distribution.home(), "--colour", "features");
        assertEquals(2, launcher.status(), launcher.toString());
        assertTrue(launcher.err().contains("unknown option --colour"), launcher.toString());

        Run command = Distribution.run(Distribution.home(), "features", "--colour");
        assertEquals(2, command.status(), command.toString());
        assertTrue(command.err().contains("bertlab features: unknown option --colour"), command.toString());
    }

    @Test
    void missingConfigurationFileIsNamed() throws Exception {
        Path missing = temp.resolve("absent.properties");
        Run run = Distribution.run(Distribution.home(), "--config", missing.toString(), "features");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains(missing + ": no such file"), run.toString());
    }

    @Test
    void unreadableFeatureFileIsNamed() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Path broken = home.resolve("features/broken.json");
        Files.writeString(broken, "{ \"id\": \"io.bertlab:broken:1.0.0\", \"bundles\": [ ");
        Run run = Distribution.run(home, "features");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("cannot read feature file " + broken), run.toString());
    }

    @Test
    void featureListingAMissingBundleFileNamesIt() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Files.writeString(home.resolve("features/ghost.json"), "{ \"id\": \"io.bertlab:ghost:1.0.0\", "
                + "\"bundles\": [ { \"id\": \"io.bertlab.test:ghost:1.0.0\" } ] }");
        Run run = Distribution.run(home, "--features", "ghost", "features");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("lists bundle io.bertlab.test:ghost:1.0.0"), run.toString());
        assertTrue(run.err().contains("system/io/bertlab/test/ghost/1.0.0/ghost-1.0.0.jar"), run.toString());
    }

    @Test
    void bundleThatCannotResolveNamesTheMissingRequirement() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Path jar = home.resolve("system/io/bertlab/test/unresolvable/1.0.0/unresolvable-1.0.0.jar");
        writeBundle(jar, "io.bertlab.test.unresolvable", "io.bertlab.does.not.exist", Map.of());
        Files.writeString(home.resolve("features/unresolvable.json"), "{ \"id\": \"io.bertlab:unresolvable:1.0.0\", "
                + "\"bundles\": [ { \"id\": \"io.bertlab.test:unresolvable:1.0.0\" } ], "
                + "\"extensions\": { \"bertlab.requires\": { \"type\": \"text\", \"kind\": \"mandatory\", "
                + "\"text\": [\"core\"] } } }");
        Run run = Distribution.run(home, "--features", "unresolvable", "features");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("io.bertlab.test.unresolvable"), run.toString());
        assertTrue(run.err().contains("osgi.wiring.package=io.bertlab.does.not.exist"), run.toString());
    }

    @Test
    void unsatisfiedComponentIsListedWithTheReferenceItMisses() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Path jar = home.resolve("system/io/bertlab/test/lonely/1.0.0/lonely-1.0.0.jar");
        String component = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"io.bertlab.test.Lonely\">\n"
                + "  <implementation class=\"io.bertlab.test.Lonely\"/>\n"
                + "  <reference name=\"partner\" interface=\"io.bertlab.test.Partner\"/>\n"
                + "</scr:component>\n";
        writeBundle(jar, "io.bertlab.test.lonely", null, Map.of("OSGI-INF/lonely.xml", component));
        Files.writeString(home.resolve("features/lonely.json"), "{ \"id\": \"io.bertlab:lonely:1.0.0\", "
                + "\"bundles\": [ { \"id\": \"io.bertlab.test:lonely:1.0.0\" } ], "
                + "\"extensions\": { \"bertlab.requires\": { \"type\": \"text\", \"kind\": \"mandatory\", "
                + "\"text\": [\"core\"] } } }");
        Run run = Distribution.run(home, "--features", "lonely", "features");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("UNSATISFIED io.bertlab.test.Lonely (bundle io.bertlab.test.lonely): "
                + "missing reference 'partner' (io.bertlab.test.Partner)"), run.toString());
        assertTrue(run.out().contains("1 unsatisfied"), run.toString());
    }

    @Test
    void pluginAlreadyInDeployIsThereForTheFirstCommand() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Files.copy(Distribution.examplePlugin(), home.resolve("deploy/io.bertlab.example.greeter.jar"));
        Files.writeString(home.resolve("deploy/io.bertlab.example.greeter.cfg"), "greeting=Hi\n");
        Run run = Distribution.run(home, "--features", "core", "hello", "Ana", "Bruno");
        assertEquals(0, run.status(), run.toString());
        assertEquals("Hi, Ana!\nHi, Bruno!\n", run.out());
    }

    @Test
    void pluginInDeployServesItsCommandAndIsListedWithoutChoosingFeatures() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Files.copy(Distribution.examplePlugin(), home.resolve("deploy/io.bertlab.example.greeter.jar"));
        Run run = Distribution.run(home, "hello", "Ana");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains(", Ana!"), run.toString());

        Run help = Distribution.run(home, "--help");
        assertEquals(0, help.status(), help.toString());
        assertTrue(help.out().matches("(?s).*\\n  hello +.*"), help.toString());
    }

    @Test
    void compareTokenizersPutsTheSameSentenceThroughEachTokenizer() throws Exception {
        Path tokenizers = SharedData.require("tokenizers");
        // the sentence goes in a UTF-8 file, so that the test does not depend on the locale's argument encoding
        Path input = temp.resolve("sentences.txt");
        Files.writeString(input, "Quero um cart\u00e3o adicional\n", StandardCharsets.UTF_8);
        Run run = Distribution.run(Distribution.home(), "--features", "tokenizers", "compare-tokenizers",
                "--tokenizer", tokenizers.resolve("bert-base-multilingual-cased/tokenizer.json").toString(),
                "--tokenizer", tokenizers.resolve("bert-base-portuguese-cased/tokenizer.json").toString(),
                "--format", "jsonl", "--input", input.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("\"bert-base-multilingual-cased/tokenizer.json\":{\"tokens\""), run.toString());
        assertTrue(run.out().contains("\"ids\":[101,27158,10567,10293,13000,41894,72417,102],\"count\":8"),
                run.toString());
        assertTrue(run.out().contains("\"ids\":[101,18876,22280,222,12807,10351,102],\"count\":7"), run.toString());

        Run missing = Distribution.run(Distribution.home(), "--features", "tokenizers", "compare-tokenizers",
                "--tokenizer", tokenizers.resolve("bert-base-uncased/vocab.txt").toString(),
                "--tokenizer", "absent.json", "text");
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(missing.err().contains("compare-tokenizers: --tokenizer 'absent.json'"), missing.toString());
    }

    /** Writes a minimal bundle: a manifest, an optional import, optional DS component files. */
    private static void writeBundle(Path jar, String symbolicName, String importedPackage,
            Map<String, String> components) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", symbolicName);
        attributes.putValue("Bundle-Version", "1.0.0");
        if (importedPackage != null) {
            attributes.putValue("Import-Package", importedPackage);
        }
        if (!components.isEmpty()) {
            attributes.putValue("Service-Component", String.join(",", components.keySet()));
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> entry : components.entrySet()) {
                jarOut.putNextEntry(new JarEntry(entry.getKey()));
                jarOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
    }
}
