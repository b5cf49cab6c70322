package io.bertlab.tokenizer.sentencepiece;

/** The segmentation algorithm a SentencePiece model was trained for ({@code TrainerSpec.model_type}). */
enum ModelType {
    /** The unigram language model (T5, ALBERT, XLNet): read with HF's {@code Unigram}. */
    UNIGRAM(1, true),
    /** Byte-pair encoding (Llama, Mistral): read with HF's {@code BPE}. */
    BPE(2, true),
    /** Whitespace-delimited words; HF's converters have no equivalent. */
    WORD(3, false),
    /** Single characters; HF's converters have no equivalent. */
    CHAR(4, false);

    private final int number;
    private final boolean supported;

    ModelType(int number, boolean supported) {
        this.number = number;
        this.supported = supported;
    }

    /**
     * Whether bertlab reads models of this type.
     *
     * @return true for UNIGRAM and BPE
     */
    boolean supported() {
        return supported;
    }

    /**
     * The type with a number.
     *
     * @param number the {@code model_type} field
     * @return the type, or null when no type has that number
     */
    static ModelType of(int number) {
        for (ModelType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return null;
    }
}
