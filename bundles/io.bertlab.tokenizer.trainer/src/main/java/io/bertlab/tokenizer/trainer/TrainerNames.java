package io.bertlab.tokenizer.trainer;

/** The service property that tells trainers of one model family apart, and its values. */
final class TrainerNames {

    /** Service property: the trainer's name as {@code train-tokenizer --model} takes it. */
    static final String PROPERTY = "bertlab.tokenizer.trainer";
    static final String BPE = "bpe";
    static final String BYTE_LEVEL_BPE = "byte-level-bpe";
    static final String WORDPIECE = "wordpiece";
    static final String UNIGRAM = "unigram";

    private TrainerNames() {
    }
}
