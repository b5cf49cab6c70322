package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.testing.SharedData;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --compat google} against instances made by Google's create_pretraining_data.py itself under CPython
 * (testdata/references/pretraining, README.md there says how): every instance must be equal, in order.
 */
class GoogleReferenceTest {

    private static final String WIKI = "input/wikitext2-test-1-300.txt";
    private static final String BOTCHAN = "input/botchan-150-450.txt";

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of("seed12345-dupe1.jsonl", 12345L, 1, false, List.of(WIKI, BOTCHAN)),
                Arguments.of("seed7-dupe2-wwm.jsonl", 7L, 2, true, List.of(WIKI, BOTCHAN)),
                Arguments.of("seed0-dupe1-wiki.jsonl", 0L, 1, false, List.of(WIKI)),
                Arguments.of("seed4294967297-dupe1-wwm.jsonl", 4294967297L, 1, true, List.of(BOTCHAN, WIKI)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void instancesEqualGooglesScript(String reference, long seed, int dupeFactor, boolean wholeWord, List<String> inputs)
            throws Exception {
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            files.add(SharedData.reference("pretraining/" + input));
        }
        Vocabulary vocabulary = Vocabulary.of(BertBaseUncased.tokenizer());
        TokenizedCorpus corpus = TokenizedCorpus.read(files, BertBaseUncased.lineTokenizer(), (f, b) -> { });
        GenerationSettings settings = GenerationSettings.defaults().withSeed(seed).withDupeFactor(dupeFactor)
                .withWholeWordMask(wholeWord);
        List<TrainingInstance> actual = new InstanceGenerator(settings, vocabulary).generate(corpus, (p, n) -> { });

        List<JsonNode> expected = readLines(SharedData.reference("pretraining/" + reference));
        assertEquals(expected.size(), actual.size(), "instance count");
        int differing = 0;
        String first = null;
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            TrainingInstance got = actual.get(i);
            boolean same = strings(want.get("tokens")).equals(tokens(got.tokens(), vocabulary))
                    && Arrays.equals(ints(want.get("segment_ids")), got.segmentIds())
                    && want.get("is_random_next").asBoolean() == got.isRandomNext()
                    && Arrays.equals(ints(want.get("masked_lm_positions")), got.maskedPositions())
                    && strings(want.get("masked_lm_labels")).equals(tokens(got.maskedLabels(), vocabulary));
            if (!same) {
                differing++;
                if (first == null) {
                    first = "instance " + i + ": expected " + want + "\n  got " + tokens(got.tokens(), vocabulary)
                            + " " + got;
                }
            }
        }
        assertEquals(0, differing, "differing instances of " + expected.size() + "; first: " + first);
    }

    @Test
    void bertlabWordPieceEqualsFullTokenizer() throws Exception {
        Vocabulary vocabulary = Vocabulary.of(BertBaseUncased.tokenizer());
        var tokenize = BertBaseUncased.lineTokenizer();
        List<JsonNode> lines = readLines(SharedData.reference("pretraining/fulltokenizer-tokens.jsonl"));
        int tokens = 0;
        for (JsonNode line : lines) {
            String text = line.get("line").asText();
            List<String> expected = strings(line.get("tokens"));
            List<String> actual = text.isEmpty() ? List.of() : tokens(tokenize.apply(text), vocabulary);
            assertEquals(expected, actual, text);
            tokens += expected.size();
        }
        assertEquals(601, lines.size());
        org.junit.jupiter.api.Assertions.assertTrue(tokens > 20_000, "tokens compared: " + tokens);
    }

    @Test
    void readingRulesAreTheScripts() throws Exception {
        // edge cases of reading: BOM, Python whitespace, a lone \r, invalid UTF-8, U+001C and U+0085 lines as
        // document breaks, CRLF, a document running on into the next file, no newline at the end
        List<JsonNode> lines = readLines(SharedData.reference("pretraining/edge-cases-tokens.jsonl"));
        List<List<List<String>>> expected = new ArrayList<>();
        expected.add(new ArrayList<>());
        for (JsonNode line : lines) {
            if (line.get("line").asText().isEmpty()) {
                expected.add(new ArrayList<>());
            } else if (line.get("tokens").size() > 0) {
                expected.get(expected.size() - 1).add(strings(line.get("tokens")));
            }
        }
        expected.removeIf(List::isEmpty);
        Vocabulary vocabulary = Vocabulary.of(BertBaseUncased.tokenizer());
        TokenizedCorpus corpus = TokenizedCorpus.read(List.of(
                SharedData.reference("pretraining/input/edge-cases-1.txt"),
                SharedData.reference("pretraining/input/edge-cases-2.txt")), BertBaseUncased.lineTokenizer(),
                (f, b) -> { });
        List<List<List<String>>> actual = new ArrayList<>();
        for (int[][] document : corpus.documents()) {
            List<List<String>> sentences = new ArrayList<>();
            for (int[] sentence : document) {
                sentences.add(tokens(sentence, vocabulary));
            }
            actual.add(sentences);
        }
        assertEquals(expected, actual);
        assertEquals(5, actual.size());
        assertEquals(lines.size(), corpus.lines());
        assertEquals(4, corpus.blankLines());
    }

    @Test
    void vocabularyOrderIsVocabTxtOrder() throws Exception {
        Vocabulary vocabulary = Vocabulary.of(BertBaseUncased.tokenizer());
        List<String> lines = Files.readAllLines(SharedData.require("tokenizers/bert-base-uncased/vocab.txt"));
        assertEquals(lines.size(), vocabulary.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(lines.get(i).strip(), vocabulary.token(i), "id " + i);
        }
    }

    static List<JsonNode> readLines(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                nodes.add(json.readTree(line));
            }
        }
        return nodes;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    static List<String> tokens(int[] ids, Vocabulary vocabulary) {
        List<String> values = new ArrayList<>(ids.length);
        for (int id : ids) {
            values.add(vocabulary.token(id));
        }
        return values;
    }
}
