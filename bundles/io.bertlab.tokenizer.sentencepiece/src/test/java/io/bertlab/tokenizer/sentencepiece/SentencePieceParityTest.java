package io.bertlab.tokenizer.sentencepiece;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.testing.SharedCorpus;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.bpe.BpeModelFactory;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.tokenizer.unigram.UnigramModelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity of every SentencePiece {@code .model} of the shared data with its {@code tokenizer.json} twin through
 * HuggingFace's own library (Rust, through DJL), over the shared text lines and GLUE sentences: ids, tokens,
 * offsets and decoded text must be equal, and any mismatch fails the test. The twin is taken as its
 * {@link TwinOracle} (without what a bare {@code .model} cannot know: the family's post-processor, ALBERT's and
 * XLNet's extra normalizers and number-comma scores, T5's extra ids).
 *
 * <p>Two things are compared with the oracle on each input: the converted tree as HuggingFace runs it (this checks
 * the conversion alone), and bertlab's pipeline built from the same tree (the product). HuggingFace's Unigram
 * spells an unknown token by its text where bertlab may spell it {@code <unk>}; such tokens' ids and offsets must
 * still agree.
 *
 * <p>SentencePiece's own ids for the first 60 lines of each text file ({@code testdata/references/sentencepiece})
 * are compared too. HuggingFace's components differ from SentencePiece in a few known ways (the dummy {@code ▁} is
 * not added before text that starts with a space; ties between segmentations of equal score; BPE merges ranked per
 * pair rather than per piece; text after a USER_DEFINED symbol starts a new word), so a line that differs from
 * SentencePiece is a failure only when bertlab also differs from HuggingFace there; the counts are printed.
 *
 * <p>Every {@code bertlab.parity.stride}-th input is used (default 50); {@code -Dbertlab.parity.stride=1} takes all.
 */
class SentencePieceParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STRIDE = Integer.getInteger("bertlab.parity.stride", 50);
    private static final int SHOWN = 8;
    /** DJL truncates to 512 tokens unless told not to; the files themselves do not truncate. */
    private static final Map<String, String> NO_TRUNCATION = Map.of("truncation", "false");

    /** SentencePiece's reference ids have no special tokens. */
    private static final EncodeOptions WITHOUT_SPECIAL_TOKENS = EncodeOptions.plain().withSpecialTokens(false);

    private static List<String> texts;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadTexts() {
        List<String> all = SharedCorpus.texts();
        texts = SharedCorpus.everyNth(all, STRIDE);
        System.out.printf("SentencePiece parity inputs: %d of %d text lines and GLUE sentences (every %d-th)%n",
                texts.size(), all.size(), STRIDE);
    }

    @TestFactory
    Stream<DynamicTest> everyModelEncodesAsItsTwin() {
        List<ModelTwins.Twin> twins = ModelTwins.all();
        assertTrue(twins.size() >= 4, "expected the four shared SentencePiece models, found " + twins);
        return twins.stream().flatMap(t -> Stream.of(
                DynamicTest.dynamicTest(t.name() + " (bare .model)", () -> check(t, false)),
                DynamicTest.dynamicTest(t.name() + " (with tokenizer_config.json)", () -> check(t, true))));
    }

    private void check(ModelTwins.Twin twin, boolean withClass) throws IOException {
        Path dir = Files.createTempDirectory(temp, twin.name());
        // The model in a folder of its own, beside its tokenizer_config.json or alone (the shared folder may hold one)
        Path modelDir = Files.createDirectory(dir.resolve("model"));
        Path model = Files.copy(twin.model(), modelDir.resolve(twin.model().getFileName()));
        if (withClass) {
            Files.writeString(modelDir.resolve(TokenizerClass.CONFIG_FILE), twin.tokenizerConfig());
        }
        Path converted = dir.resolve("converted.json");
        JSON.writeValue(converted.toFile(), SentencePieceFiles.tokenizerJson(model));
        Path oracle = withClass ? TwinOracle.writeWithClass(twin.twin(), model, dir.resolve("oracle.json"))
                : TwinOracle.write(twin.twin(), model, dir.resolve("oracle.json"));
        int unkId = ModelFileReader.read(twin.model()).unkId();
        Tokenizer ours = TokenizerFiles.load(converted, Map.of(),
                ModelRegistry.of(new UnigramModelFactory(), new BpeModelFactory()));
        List<String> mismatches = new ArrayList<>();
        try (HuggingFaceTokenizer theirs = HuggingFaceTokenizer.newInstance(oracle, NO_TRUNCATION);
                HuggingFaceTokenizer conversion = HuggingFaceTokenizer.newInstance(converted, NO_TRUNCATION)) {
            int unknownSpelled = 0;
            long start = System.nanoTime();
            for (String text : texts) {
                ai.djl.huggingface.tokenizers.Encoding expected = theirs.encode(text, true, false);
                String problem = EncodingDifference.of(conversion.encode(text, true, false), expected);
                if (problem != null) {
                    mismatches.add("conversion in HF: \"" + abbreviate(text) + "\"\n    " + problem);
                }
                Encoding our = ours.encode(text);
                problem = EncodingDifference.of(our, expected, unkId);
                if (problem == null) {
                    problem = decodeDifference(ours, theirs, expected.getIds());
                }
                if (problem != null) {
                    mismatches.add("bertlab: \"" + abbreviate(text) + "\"\n    " + problem);
                } else if (!Arrays.equals(our.tokens(), expected.getTokens())) {
                    unknownSpelled++;
                }
            }
            System.out.printf("%-18s %-28s %6d inputs compared with the twin (%s), %d mismatches; %d inputs whose"
                    + " unknown tokens HF spells by their text (%.1f s)%n", twin.name(),
                    withClass ? "with tokenizer_config.json" : "bare .model", texts.size(),
                    SharedData.projectRoot().relativize(twin.twin()), mismatches.size(), unknownSpelled,
                    (System.nanoTime() - start) / 1e9);
            compareWithSentencePiece(twin.name(), ours, theirs, mismatches);
        }
        mismatches.stream().limit(SHOWN).forEach(m -> System.out.println("  " + twin.name() + ": " + m));
        if (!mismatches.isEmpty()) {
            fail(twin.name() + ": " + mismatches.size() + " mismatches; first:\n  "
                    + String.join("\n  ", mismatches.subList(0, Math.min(SHOWN, mismatches.size()))));
        }
    }

    private static String decodeDifference(Tokenizer ours, HuggingFaceTokenizer theirs, long[] ids) {
        int[] intIds = Arrays.stream(ids).mapToInt(i -> (int) i).toArray();
        for (boolean skip : new boolean[] {false, true}) {
            String our = ours.decode(intIds, skip);
            String their = theirs.decode(ids, skip);
            if (!our.equals(their)) {
                return "decode(skipSpecialTokens=" + skip + "): ours \"" + abbreviate(our) + "\", HF \""
                        + abbreviate(their) + "\"";
            }
        }
        return null;
    }

    /** SentencePiece's ids: equal, or different exactly where HuggingFace differs from SentencePiece too. */
    private static void compareWithSentencePiece(String name, Tokenizer ours, HuggingFaceTokenizer theirs,
            List<String> mismatches) {
        List<SentencePieceReferences.Line> lines = SentencePieceReferences.of(name);
        int equal = 0;
        int asHuggingFace = 0;
        List<String> examples = new ArrayList<>();
        for (SentencePieceReferences.Line line : lines) {
            int[] our = ours.encode(line.text(), WITHOUT_SPECIAL_TOKENS).ids();
            if (Arrays.equals(our, line.ids())) {
                equal++;
                continue;
            }
            long[] hf = theirs.encode(line.text(), false, false).getIds();
            if (Arrays.equals(Arrays.stream(our).asLongStream().toArray(), hf)) {
                asHuggingFace++;
                if (examples.size() < 2) {
                    examples.add(line.source() + ": SentencePiece " + Arrays.toString(line.pieces()) + "\n      HF "
                            + Arrays.toString(theirs.encode(line.text(), false, false).getTokens()));
                }
            } else {
                mismatches.add("SentencePiece reference " + line.source() + " differs from bertlab, and bertlab from"
                        + " HF");
            }
        }
        System.out.printf("%-18s %6d SentencePiece reference lines: %d equal, %d differ as HuggingFace does, %d"
                + " otherwise%n", name, lines.size(), equal, asHuggingFace, lines.size() - equal - asHuggingFace);
        examples.forEach(e -> System.out.println("    e.g. " + e));
    }

    static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 97) + "..." : text;
    }
}
