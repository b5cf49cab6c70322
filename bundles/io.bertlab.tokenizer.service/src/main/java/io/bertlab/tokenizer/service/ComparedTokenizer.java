package io.bertlab.tokenizer.service;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.OptionalInt;

/** A tokenizer under comparison, with its label and the id of its unknown token (if it has one). */
final class ComparedTokenizer {

    /** The spellings of the unknown token across BERT, SentencePiece and Llama-style vocabularies. */
    private static final String[] UNKNOWN_TOKENS = {"[UNK]", "<unk>", "<UNK>"};

    private final String label;
    private final Tokenizer tokenizer;
    private final OptionalInt unknownId;

    ComparedTokenizer(String label, Tokenizer tokenizer) {
        this.label = label;
        this.tokenizer = tokenizer;
        // the API does not expose the model's unknown token, so look its usual spellings up in the vocabulary
        this.unknownId = unknownId(tokenizer);
    }

    String label() {
        return label;
    }

    /**
     * Encodes a text whole, with special tokens: the file's truncation and padding are left out, since a comparison
     * of lengths must not be cut or padded.
     */
    Tokenization tokenize(String text) {
        Encoding encoding = tokenizer.encode(text, EncodeOptions.plain());
        int[] ids = encoding.ids();
        int special = 0;
        for (int flag : encoding.specialTokensMask()) {
            special += flag;
        }
        int unknown = 0;
        if (unknownId.isPresent()) {
            for (int id : ids) {
                unknown += id == unknownId.getAsInt() ? 1 : 0;
            }
        }
        String decoded = tokenizer.decode(ids, true);
        return new Tokenization(label, encoding.tokens(), ids, special, unknown, decoded, RoundTrip.of(text, decoded));
    }

    private static OptionalInt unknownId(Tokenizer tokenizer) {
        for (String token : UNKNOWN_TOKENS) {
            OptionalInt id = tokenizer.tokenToId(token);
            if (id.isPresent()) {
                return id;
            }
        }
        return OptionalInt.empty();
    }
}
