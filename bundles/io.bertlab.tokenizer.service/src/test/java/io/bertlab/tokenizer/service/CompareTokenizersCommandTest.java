package io.bertlab.tokenizer.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * compare-tokenizers on real vocabularies: mBERT (cased), BERTimbau (cased Portuguese) and bert-base-uncased cut the
 * same Portuguese sentence differently, and the uncased one loses the accent of "cartão".
 */
class CompareTokenizersCommandTest {

    private static final String SENTENCE = "Quero um cartão adicional";
    private static final String MBERT = "bert-base-multilingual-cased/tokenizer.json";
    private static final String BERTIMBAU = "bert-base-portuguese-cased/tokenizer.json";
    private static final String UNCASED = "bert-base-uncased/vocab.txt";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Runs the command in the shared tokenizers folder, so that files are given as they are in the docs. */
    private static CapturingContext run(TokenizerResolver resolver, String input, String... arguments) throws Exception {
        CapturingContext call = CapturingContext.withInput(SharedData.require("tokenizers"), input, arguments);
        assertEquals(0, new CompareTokenizersCommand(resolver).run(call));
        return call;
    }

    private static String run(String... arguments) throws Exception {
        return run(new TokenizerResolver(TestLoader.LOADER), "", arguments).outText();
    }

    private static Tokenizer load(String file) throws Exception {
        return TestLoader.LOADER.load(SharedData.require("tokenizers/" + file));
    }

    @Test
    void jsonLinesGiveEachTokenizersTokensIdsAndUnknownCount() throws Exception {
        String out = run("--tokenizer", MBERT, "--tokenizer", BERTIMBAU, "--tokenizer", UNCASED, "--format", "jsonl",
                SENTENCE);
        JsonNode json = MAPPER.readTree(out.strip());
        assertEquals(SENTENCE, json.get("text").asText());
        assertEquals(4, json.get("words").asInt());
        JsonNode tokenizers = json.get("tokenizers");
        assertEquals(List.of(MBERT, BERTIMBAU, UNCASED), fieldNames(tokenizers), "labels, in the order given");
        for (String file : List.of(MBERT, BERTIMBAU, UNCASED)) {
            int[] expected = load(file).encode(SENTENCE, EncodeOptions.plain()).ids();
            assertArrayEquals(expected, MAPPER.convertValue(tokenizers.get(file).get("ids"), int[].class), file);
            assertEquals(0, tokenizers.get(file).get("unknown").asInt(), file);
        }

        JsonNode mbert = tokenizers.get(MBERT);
        JsonNode bertimbau = tokenizers.get(BERTIMBAU);
        JsonNode uncased = tokenizers.get(UNCASED);
        // a Portuguese vocabulary keeps "cartão" whole; mBERT cuts it, and the English uncased one cuts it further
        assertEquals(List.of("[CLS]", "Quer", "##o", "um", "cartão", "adicional", "[SEP]"), texts(bertimbau.get("tokens")));
        assertEquals(List.of("[CLS]", "Que", "##ro", "um", "car", "##tão", "adicional", "[SEP]"), texts(mbert.get("tokens")));
        assertEquals(7, bertimbau.get("count").asInt());
        assertEquals(8, mbert.get("count").asInt());
        assertNotEquals(mbert.get("count").asInt(), bertimbau.get("count").asInt());
        assertEquals(1.25, bertimbau.get("tokens_per_word").asDouble(), 1e-9);
        assertEquals("exact", mbert.get("round_trip").asText());
        assertEquals("exact", bertimbau.get("round_trip").asText());
        // uncased BERT lower-cases and strips accents before WordPiece: "cartão" comes back as "cartao"
        assertEquals(List.of("[CLS]", "que", "##ro", "um", "cart", "##ao", "adi", "##cion", "##al", "[SEP]"),
                texts(uncased.get("tokens")));
        assertEquals("quero um cartao adicional", uncased.get("decoded").asText());
        assertEquals("case_and_accents_lost", uncased.get("round_trip").asText());
    }

    @Test
    void tableShowsABlockPerTokenizerWithTokensOverIdsThenASummaryLineEach() throws Exception {
        String out = run("--tokenizer", MBERT, "--tokenizer", BERTIMBAU, "--tokenizer", UNCASED, SENTENCE);
        List<String> lines = List.of(out.split("\n"));
        assertEquals("text 1 (4 words): " + SENTENCE, lines.get(0));
        int block = lines.indexOf(lines.stream().filter(l -> l.startsWith("  " + BERTIMBAU)).findFirst().orElseThrow());
        assertTrue(lines.get(block).matches(" +" + BERTIMBAU + " +7 tokens, 0 unknown, decodes back exactly"),
                lines.get(block));
        String tokens = lines.get(block + 1);
        String ids = lines.get(block + 2);
        assertEquals("tokens [CLS] Quer ##o um cartão adicional [SEP]", tokens.strip().replaceAll(" +", " "));
        Tokenizer bertimbau = load(BERTIMBAU);
        assertEquals("input_ids " + joined(bertimbau.encode(SENTENCE, EncodeOptions.plain()).ids()),
                ids.strip().replaceAll(" +", " "));
        // aligned: each token starts where its id starts
        assertEquals(tokens.indexOf("cartão"), ids.indexOf(" " + bertimbau.tokenToId("cartão").getAsInt()) + 1);
        assertTrue(out.contains("decodes to \"quero um cartao adicional\" (case and accents lost)"), out);

        int summary = lines.indexOf("Summary of 1 text (4 words):");
        assertTrue(summary > 0, out);
        assertEquals("tokenizer tokens tokens/word unknown decodes back", lines.get(summary + 1).strip()
                .replaceAll(" +", " "));
        assertEquals(MBERT + " 8 1.50 0 1 of 1", lines.get(summary + 2).strip().replaceAll(" +", " "));
        assertEquals(BERTIMBAU + " 7 1.25 0 1 of 1", lines.get(summary + 3).strip().replaceAll(" +", " "));
        assertEquals(UNCASED + " 10 2.00 0 0 of 1 (case and accents lost)",
                lines.get(summary + 4).strip().replaceAll(" +", " "));
    }

    @Test
    void summaryAddsUpEveryInputLineAndCountsUnknownTokens() throws Exception {
        // the emoji is in neither BERT vocabulary; byte-level BPE (GPT-2) has no unknown token at all
        String input = SENTENCE + "\nObrigado 🙂\n";
        String out = run(new TokenizerResolver(TestLoader.LOADER), input, "--tokenizer", BERTIMBAU, "--tokenizer",
                "gpt2/tokenizer.json", "--input", "-").outText();
        assertTrue(out.contains("text 2 (2 words): Obrigado 🙂"), out);
        assertTrue(out.contains("Summary of 2 texts (6 words):"), out);
        String bertimbauLine = line(out, "  " + BERTIMBAU + " ");
        assertTrue(bertimbauLine.strip().replaceAll(" +", " ").matches(BERTIMBAU + " \\d+ \\d\\.\\d\\d 1 1 of 2 \\(differs\\)"),
                bertimbauLine);
        String gpt2Line = line(out, "  gpt2/tokenizer.json ");
        assertTrue(gpt2Line.strip().replaceAll(" +", " ").matches("gpt2/tokenizer.json \\d+ \\d\\.\\d\\d 0 2 of 2"),
                gpt2Line);
    }

    @Test
    void configuredTokenizerIsLabelledByItsName() throws Exception {
        TokenizerResolver resolver = new TokenizerResolver(TestLoader.LOADER);
        resolver.addTokenizer(load(BERTIMBAU), Map.of(TokenizerProperties.NAME, "bertimbau"));
        String out = run(resolver, "", "--tokenizer", "bertimbau", "--tokenizer", MBERT, "--format", "jsonl",
                SENTENCE).outText();
        assertEquals(List.of("bertimbau", MBERT), fieldNames(MAPPER.readTree(out.strip()).get("tokenizers")));
    }

    @Test
    void errorsNameTheOptionOrTheFile() throws IOException {
        CommandException missing = assertThrows(CommandException.class,
                () -> run("--tokenizer", MBERT, "--tokenizer", "nothing-here.json", SENTENCE));
        assertTrue(missing.getMessage().startsWith("compare-tokenizers: --tokenizer 'nothing-here.json'"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("nothing-here.json is not a file"), missing.getMessage());

        CommandException malformed = assertThrows(CommandException.class,
                () -> run("--tokenizer", MBERT, "--tokenizer", "SOURCES.md", SENTENCE));
        assertTrue(malformed.getMessage().contains("SOURCES.md: line 1"), malformed.getMessage());

        UsageException one = assertThrows(UsageException.class, () -> run("--tokenizer", MBERT, SENTENCE));
        assertTrue(one.getMessage().contains("--tokenizer at least twice"), one.getMessage());
        UsageException format = assertThrows(UsageException.class,
                () -> run("--tokenizer", MBERT, "--tokenizer", BERTIMBAU, "--format", "xml", SENTENCE));
        assertTrue(format.getMessage().contains("--format expects table or jsonl, got 'xml'"), format.getMessage());
        UsageException noText = assertThrows(UsageException.class,
                () -> run("--tokenizer", MBERT, "--tokenizer", BERTIMBAU));
        assertTrue(noText.getMessage().contains("no text given"), noText.getMessage());
        CommandException input = assertThrows(CommandException.class,
                () -> run("--tokenizer", MBERT, "--tokenizer", BERTIMBAU, "--input", "absent.txt"));
        assertTrue(input.getMessage().endsWith("/absent.txt: no such file or folder"), input.getMessage());
        Path empty = Files.createTempFile("empty", ".txt");
        try {
            CommandException nothing = assertThrows(CommandException.class,
                    () -> run("--tokenizer", MBERT, "--tokenizer", BERTIMBAU, "--input", empty.toString()));
            assertTrue(!(nothing instanceof UsageException)
                    && nothing.getMessage().endsWith(empty + " holds no text (one text per line)"), nothing.getMessage());
        } finally {
            Files.delete(empty);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String joined(int[] ids) {
        StringBuilder joined = new StringBuilder();
        for (int id : ids) {
            joined.append(joined.length() == 0 ? "" : " ").append(id);
        }
        return joined.toString();
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).reduce((first, last) -> last).orElseThrow(
                () -> new AssertionError("no line starting with '" + prefix + "' in\n" + out));
    }
}
