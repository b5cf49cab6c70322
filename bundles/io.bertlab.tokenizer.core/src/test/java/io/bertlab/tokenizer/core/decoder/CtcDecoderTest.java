package io.bertlab.tokenizer.core.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expectations of HuggingFace's own {@code ctc.rs} tests, and the cases its source distinguishes. */
class CtcDecoderTest {

    private static final CtcDecoder DEFAULT = new CtcDecoder("<pad>", "|", true);

    private static List<String> tokens(String spaced) {
        return Arrays.asList(spaced.split(" "));
    }

    @Test
    void collapsesRepeatsAndDropsPads() {
        assertEquals(List.of("h", "e", "l", "l", "o"),
                DEFAULT.decodeChain(tokens("<pad> <pad> h e e l l <pad> l o o o <pad>")));
    }

    @Test
    void turnsWordDelimitersIntoSpaces() {
        assertEquals(List.of("h", "e", "l", "l", "o", " ", "w", "o", "r", "l", "d"), DEFAULT.decodeChain(tokens(
                "<pad> <pad> h e e l l <pad> l o o o <pad> <pad> | <pad> w o o o r <pad> <pad> l l d <pad> <pad>")));
    }

    /** Without clean-up HuggingFace leaves the delimiter as it is. */
    @Test
    void withoutCleanupTheDelimiterStays() {
        assertEquals(List.of("a", "|", "b"), new CtcDecoder("<pad>", "|", false).decodeChain(tokens("a | | b")));
    }

    @Test
    void writesItsSettings() {
        assertEquals(List.of("type", "pad_token", "word_delimiter_token", "cleanup"),
                List.copyOf(DEFAULT.toJson().keySet()));
        assertEquals("CTC", DEFAULT.toJson().get("type"));
    }
}
