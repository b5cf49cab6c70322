package io.bertlab.tokenizer.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokenize command prints what the tokenizer service computes, in both formats. */
class TokenizeCommandTest {

    private static final ModelRegistry MODELS = ModelRegistry.discover(TokenizeCommandTest.class.getClassLoader());
    private static final TokenizerLoader LOADER = (file, options) -> TokenizerFiles.load(file, options, MODELS);

    private record Call(List<String> arguments, Path workingDirectory, ByteArrayOutputStream output)
            implements CommandContext {
        @Override
        public PrintStream out() {
            return new PrintStream(output, true, StandardCharsets.UTF_8);
        }

        @Override
        public PrintStream err() {
            return System.err;
        }

        @Override
        public InputStream in() {
            return new ByteArrayInputStream("Quero um cartão adicional\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String run(String... arguments) throws Exception {
        Path dir = SharedData.require("tokenizers/bert-base-multilingual-uncased");
        Call call = new Call(List.of(arguments), dir, new ByteArrayOutputStream());
        assertEquals(0, new TokenizeCommand(LOADER).run(call));
        return call.output().toString(StandardCharsets.UTF_8);
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
