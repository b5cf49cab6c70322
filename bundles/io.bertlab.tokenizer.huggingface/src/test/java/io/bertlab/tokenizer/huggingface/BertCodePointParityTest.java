package io.bertlab.tokenizer.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.testing.SharedData;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The BERT tokenizers (uncased, cased, Chinese) against HuggingFace over every Unicode scalar value, each as the
 * word {@code x<c>y}, 512 words to a text. Whether {@code c} is dropped (a control: {@code xy}), kept in the word
 * (unassigned, symbols: usually {@code [UNK]}), split off (punctuation, CJK ideographs), turned into a space,
 * lower-cased or stripped of its accent shows in the tokens, ids and offsets. This is where the Unicode tables
 * differ: HuggingFace's controls and punctuation are those of Unicode 8.0 (and no unassigned code point is a
 * control), Java 17's categories are of Unicode 13.
 */
class BertCodePointParityTest {

    private static final int PER_TEXT = 512;
    private static final int MAX_SHOWN = 10;

    @TestFactory
    Stream<DynamicTest> everyCodePointTokenizesAsHuggingFace() {
        return Stream.of("bert-base-uncased", "bert-base-cased", "bert-base-chinese").map(name -> DynamicTest
                .dynamicTest(name, () -> check(SharedData.require("tokenizers/" + name + "/tokenizer.json"))));
    }

    private static void check(java.nio.file.Path file) {
        TokenizerSources.Source source = new TokenizerSources.Source(file.getParent().getFileName().toString(), file,
                java.util.Map.of());
        Tokenizer ours = source.load();
        List<String> mismatches = new ArrayList<>();
        int texts = 0;
        int codePoints = 0;
        try (HuggingFaceOracle theirs = HuggingFaceOracle.fromJson(source.oracleJson(ours))) {
            theirs.configure(EncodeOptions.plain());
            StringBuilder text = new StringBuilder();
            int first = 0;
            for (int c = 0; c <= Character.MAX_CODE_POINT + 1; c++) {
                boolean end = c > Character.MAX_CODE_POINT;
                // Surrogate code points are not scalar values: a Java string cannot hold one alone as text.
                if (!end && c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                    continue;
                }
                if (!end) {
                    text.append(text.length() == 0 ? "x" : " x").appendCodePoint(c).append('y');
                    codePoints++;
                }
                if ((end && text.length() > 0) || (c + 1) % PER_TEXT == 0) {
                    texts++;
                    String input = text.toString();
                    String difference = EncodingComparison.difference(ours.encode(input, EncodeOptions.plain()),
                            theirs.encode(input, true));
                    if (difference != null) {
                        mismatches.add(String.format("code points U+%04X..U+%04X: %s", first, c - (end ? 1 : 0),
                                difference));
                    }
                    text.setLength(0);
                    first = c + 1;
                }
            }
        }
        System.out.printf("%-20s %d code points in %d texts, %d texts differ%n", source.name(), codePoints, texts,
                mismatches.size());
        assertEquals(List.of(), mismatches.subList(0, Math.min(MAX_SHOWN, mismatches.size())),
                mismatches.size() + " texts differ from HuggingFace");
    }
}
