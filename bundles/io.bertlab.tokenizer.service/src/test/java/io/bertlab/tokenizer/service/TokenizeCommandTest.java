package io.bertlab.tokenizer.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The tokenize command prints what the tokenizer service computes, in both formats. */
class TokenizeCommandTest {

    private static final TokenizerLoader LOADER = TestLoader.LOADER;

    private static String run(String... arguments) throws Exception {
        Path dir = SharedData.require("tokenizers/bert-base-multilingual-uncased");
        CapturingContext call = CapturingContext.withInput(dir, "Quero um cartão adicional\n", arguments);
        assertEquals(0, new TokenizeCommand(LOADER).run(call));
        return call.outText();
    }

    @Test
    void jsonLinesCarryTheEncodingOfEachPair() throws Exception {
        String out = run("--tokenizer", "vocab.txt", "--format", "jsonl", "--pair", "--max-length", "12",
                "--padding", "max_length", "Quero um cartão adicional", "O cartão chega amanhã?");
        Tokenizer tokenizer = LOADER.load(SharedData.require("tokenizers/bert-base-multilingual-uncased/vocab.txt"));
        Encoding expected = tokenizer.encodePair("Quero um cartão adicional", "O cartão chega amanhã?",
                EncodeOptions.of(true, Truncation.longestFirst(12), Padding.fixed(12).withPadToken("[PAD]",
                        tokenizer.tokenToId("[PAD]").getAsInt())));
        JsonNode json = new ObjectMapper().readTree(out.strip());
        assertArrayEquals(expected.ids(), new ObjectMapper().convertValue(json.get("ids"), int[].class));
        assertArrayEquals(expected.typeIds(), new ObjectMapper().convertValue(json.get("type_ids"), int[].class));
        assertEquals(expected.offsetEnds()[1], json.get("offsets").get(1).get(1).asInt());
        assertTrue(json.get("word_ids").get(0).isNull(), "[CLS] has no word");
    }

    @Test
    void tableHasOneColumnPerToken() throws Exception {
        String out = run("--tokenizer", "vocab.txt", "--input", "-");
        String[] lines = out.split("\n");
        Tokenizer tokenizer = LOADER.load(SharedData.require("tokenizers/bert-base-multilingual-uncased/vocab.txt"));
        String[] tokens = tokenizer.encode("Quero um cartão adicional").tokens();
        assertEquals("tokens " + String.join(" ", tokens), lines[0].replaceAll(" +", " "));
        assertTrue(lines[4].startsWith("position_ids"), lines[4]);
        assertEquals(lines[0].split(" +").length, lines[1].split(" +").length);
    }

    @Test
    void unknownTokenizerIsAClearError() {
        Exception e = assertThrows(Exception.class, () -> run("--tokenizer", "nothing-here.json", "text"));
        assertTrue(e.getMessage().contains("nothing-here.json"), e.getMessage());
        assertThrows(UsageException.class, () -> run("--tokenizer", "vocab.txt", "--format", "xml", "text"));
    }

}
