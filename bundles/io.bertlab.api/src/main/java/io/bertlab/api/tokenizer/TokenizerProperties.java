package io.bertlab.api.tokenizer;

/**
 * Names of the service properties with which tokenizer services and model plugins register, so that consumers
 * can select them with an LDAP filter such as {@code (&(bertlab.tokenizer.name=mbert)(bertlab.tokenizer.implementation=bertlab))}.
 */
public final class TokenizerProperties {

    /** The model family a plugin or tokenizer implements: {@code WordPiece}, {@code BPE}, {@code Unigram}, ... */
    public static final String MODEL = "bertlab.tokenizer.model";

    /** The name of a configured tokenizer instance, e.g. {@code bert-base-uncased}. */
    public static final String NAME = "bertlab.tokenizer.name";

    /** Which implementation backs a tokenizer: {@value #IMPLEMENTATION_BERTLAB} or {@value #IMPLEMENTATION_HUGGINGFACE}. */
    public static final String IMPLEMENTATION = "bertlab.tokenizer.implementation";

    /** Value of {@link #IMPLEMENTATION} for bertlab's own pure-Java pipeline. */
    public static final String IMPLEMENTATION_BERTLAB = "bertlab";

    /** Value of {@link #IMPLEMENTATION} for HuggingFace's native library. */
    public static final String IMPLEMENTATION_HUGGINGFACE = "huggingface";

    /** The file a tokenizer instance was loaded from (absolute path). */
    public static final String FILE = "bertlab.tokenizer.file";

    private TokenizerProperties() {
    }
}
