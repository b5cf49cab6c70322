package io.bertlab.tokenizer.unigram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** bertlab's {@code CTC} decoder against HuggingFace's, on speech-model style outputs, with and without clean-up. */
class CtcDecoderParityTest {

    private static final String[] PIECES = {"<pad>", "|", "h", "e", "l", "o", "w", "r", "d", "'", "s", "n", "t",
        ".", "?", " ", "<s>"};
    private static final String[] OUTPUTS = {
        "<pad> <pad> h e e l l <pad> l o o o <pad>",
        "<pad> h e l l <pad> l o | | <pad> w o r l d <pad> | . | |",
        "| | h e ' s | | w o n ' t | ? <pad>",
        "h <s> <pad> <s> e l <pad> <pad> l o",
        "  d o n ' t   | ' s . .",
        "<pad> <pad> <pad>",
    };

    @Test
    void decodesAsHuggingFace() throws Exception {
        for (String decoder : new String[] {
            "{\"type\": \"CTC\", \"pad_token\": \"<pad>\", \"word_delimiter_token\": \"|\", \"cleanup\": true}",
            "{\"type\": \"CTC\", \"pad_token\": \"<pad>\", \"word_delimiter_token\": \"|\", \"cleanup\": false}",
            "{\"type\": \"CTC\", \"pad_token\": \"<s>\", \"word_delimiter_token\": \" \", \"cleanup\": true}"}) {
            String json = MinimalTokenizerJson.with(null, decoder, PIECES);
            Tokenizer ours = TokenizerFiles.fromJson(json, ModelRegistry.of(new UnigramModelFactory()));
            try (HuggingFaceReference theirs = HuggingFaceReference.fromJson(json)) {
                for (String output : OUTPUTS) {
                    int[] ids = Arrays.stream(output.split(" ", -1)).mapToInt(t -> id(t.isEmpty() ? " " : t)).toArray();
                    assertEquals(theirs.decode(ids), ours.decode(ids, false), decoder + " on " + output);
                }
            }
        }
    }

    private static int id(String token) {
        return 1 + Arrays.asList(PIECES).indexOf(token);
    }
}
