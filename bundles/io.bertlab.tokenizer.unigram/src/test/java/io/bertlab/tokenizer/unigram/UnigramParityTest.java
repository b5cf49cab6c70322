package io.bertlab.tokenizer.unigram;

import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.tokenizer.core.pipeline.PipelineTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity with HuggingFace {@code tokenizers} (through DJL) for the Unigram {@code tokenizer.json} files of the shared
 * data, over every text line and GLUE sentence: ids, tokens and offsets must be identical.
 *
 * <p>Each file is checked as it is when bertlab's core can load it; when the core lacks one of its components
 * (today: the {@code Precompiled} normalizer, SentencePiece's character map) the original is counted as blocked and
 * printed. The Unigram model itself is then checked on the file without any normalizer, by both libraries alike
 * (real vocabulary, Metaspace pre-tokenizer, added tokens and post-processor): this check fails on any mismatch.
 * The file without only {@code Precompiled} is compared too and its counts printed, as a diagnosis of the core's
 * normalizers rather than of this model.
 *
 * <p>One difference is counted apart instead of failing: HuggingFace's Unigram names an unknown token by its
 * surface text ({@code "|"}) where bertlab names it by the vocabulary ({@code "<unk>"}), because the core's
 * {@code TokenSink} passes ids only (SPI 1.0.0). Ids and offsets of such tokens must still agree.
 *
 * <p>To stay within the build's time, every {@code bertlab.parity.stride}-th input is used (default 6,
 * deterministic); {@code -Dbertlab.parity.stride=1} compares all of them.
 */
class UnigramParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_MISMATCHES = 10;
    private static final String MISSING_NORMALIZER = "Precompiled";
    private static final int STRIDE = Integer.getInteger("bertlab.parity.stride", 6);

    private static List<String> texts;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadTexts() {
        List<String> all = SharedCorpus.texts(SharedData.require("text"), SharedData.require("glue"));
        texts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += STRIDE) {
            texts.add(all.get(i));
        }
        System.out.printf("Unigram parity inputs: %d of %d text lines and GLUE sentences (every %d-th)%n",
                texts.size(), all.size(), STRIDE);
    }

    @TestFactory
    Stream<DynamicTest> unigramFilesEncodeAsHuggingFace() {
        return Stream.of(
                SharedData.require("tokenizers/t5-small/tokenizer.json"),
                SharedData.require("tokenizers/xlnet-base-cased/tokenizer.json"),
                SharedData.reference("tokenizers/albert-base-v2/tokenizer.json"))
                .map(file -> DynamicTest.dynamicTest(file.getParent().getFileName().toString(), () -> check(file)));
    }

    private void check(Path original) throws IOException {
        String name = original.getParent().getFileName().toString();
        ModelRegistry models = ModelRegistry.of(new UnigramModelFactory());
        try {
            PipelineTokenizer ours = TokenizerFiles.load(original, Map.of(), models);
            assertNoMismatches(compare(name + " (as is)", ours, original));
        } catch (TokenizerFormatException blocked) {
            System.out.printf("%-40s BLOCKED: bertlab cannot load it: %s%n", name + " (as is)", blocked.getMessage());
            Path partial = withoutNormalizers(original, n -> MISSING_NORMALIZER.equals(n.path("type").asText()));
            if (!JSON.readTree(partial.toFile()).get("normalizer").isNull()) {
                compare(name + " (without " + MISSING_NORMALIZER + ")", TokenizerFiles.load(partial, Map.of(), models),
                        partial);
            }
        }
        Path modelOnly = withoutNormalizers(original, n -> true);
        assertNoMismatches(compare(name + " (no normalizer)", TokenizerFiles.load(modelOnly, Map.of(), models),
                modelOnly));
    }

    /** Compares every input; prints the counts; returns the mismatches, described. */
    private static List<String> compare(String name, PipelineTokenizer ours, Path file) throws IOException {
        List<String> mismatches = new ArrayList<>();
        int unknownSpelledDifferently = 0;
        int unkId = ((UnigramModel) ours.pipeline().model()).unkId();
        long start = System.nanoTime();
        try (HuggingFaceTokenizer theirs = HuggingFaceTokenizer.newInstance(file, Map.of("truncation", "false"))) {
            for (String text : texts) {
                Encoding our = ours.encode(text);
                ai.djl.huggingface.tokenizers.Encoding their = theirs.encode(text, true, false);
                String problem = difference(our, their, unkId);
                if (problem != null) {
                    mismatches.add("\"" + abbreviate(text) + "\"\n  " + problem);
                } else if (!Arrays.equals(our.tokens(), their.getTokens())) {
                    unknownSpelledDifferently++;
                }
            }
        }
        System.out.printf("%-40s %7d inputs compared, %d mismatches; %d inputs whose unknown tokens HF spells by their"
                + " text (%.1f s)%n", name, texts.size(), mismatches.size(), unknownSpelledDifferently,
                (System.nanoTime() - start) / 1e9);
        mismatches.stream().limit(SHOWN_MISMATCHES).forEach(m -> System.out.println("  " + name + ": " + m));
        return mismatches;
    }

    private static void assertNoMismatches(List<String> mismatches) {
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + texts.size() + " inputs differ from HuggingFace; first:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(SHOWN_MISMATCHES, mismatches.size()))));
        }
    }

    /** The first difference in ids, offsets or tokens other than the spelling of unknown tokens, or null. */
    private static String difference(Encoding ours, ai.djl.huggingface.tokenizers.Encoding theirs, int unkId) {
        long[] theirIds = theirs.getIds();
        int[] ourIds = ours.ids();
        if (!Arrays.equals(Arrays.stream(ourIds).asLongStream().toArray(), theirIds)) {
            int at = 0;
            while (at < ourIds.length && at < theirIds.length && ourIds[at] == theirIds[at]) {
                at++;
            }
            return "ids from token " + at + ": ours " + window(ours.tokens(), at) + " "
                    + window(Arrays.stream(ourIds).boxed().toArray(), at) + "\n  HF   " + window(theirs.getTokens(), at)
                    + " " + window(Arrays.stream(theirIds).boxed().toArray(), at);
        }
        for (int i = 0; i < ourIds.length; i++) {
            if (ourIds[i] != unkId && !ours.tokens()[i].equals(theirs.getTokens()[i])) {
                return "tokens: ours " + Arrays.toString(ours.tokens()) + ", HF "
                        + Arrays.toString(theirs.getTokens());
            }
        }
        CharSpan[] spans = theirs.getCharTokenSpans();
        for (int i = 0; i < spans.length; i++) {
            if (spans[i] != null && (spans[i].getStart() != ours.offsetStarts()[i]
                    || spans[i].getEnd() != ours.offsetEnds()[i])) {
                return "offsets[" + i + "] of " + ours.tokens()[i] + ": ours (" + ours.offsetStarts()[i] + ","
                        + ours.offsetEnds()[i] + "), HF (" + spans[i].getStart() + "," + spans[i].getEnd() + ")";
            }
        }
        return null;
    }

    /** A copy of the file whose normalizer leaves out the components {@code dropped} selects. */
    private Path withoutNormalizers(Path file, Predicate<JsonNode> dropped) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        JsonNode normalizer = root.get("normalizer");
        if (normalizer != null && normalizer.has("normalizers")) {
            ArrayNode kept = JSON.createArrayNode();
            normalizer.get("normalizers").forEach(n -> {
                if (!dropped.test(n)) {
                    kept.add(n);
                }
            });
            ((ObjectNode) normalizer).set("normalizers", kept);
            if (kept.isEmpty()) {
                root.putNull("normalizer");
            }
        } else if (normalizer != null && dropped.test(normalizer)) {
            root.putNull("normalizer");
        }
        Path dir = Files.createTempDirectory(temp, file.getParent().getFileName().toString());
        Path derived = dir.resolve("tokenizer.json");
        JSON.writeValue(derived.toFile(), root);
        return derived;
    }

    /** A few elements around a position. */
    private static String window(Object[] values, int at) {
        int from = Math.max(0, at - 3);
        return Arrays.toString(Arrays.copyOfRange(values, from, Math.min(values.length, at + 4)));
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
