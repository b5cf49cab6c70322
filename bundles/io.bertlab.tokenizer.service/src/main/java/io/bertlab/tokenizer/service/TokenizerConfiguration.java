package io.bertlab.tokenizer.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One named tokenizer: ConfigAdmin factory configuration {@code io.bertlab.tokenizer}. */
@ObjectClassDefinition(name = "bertlab tokenizer", description = "A named tokenizer loaded from a file")
@interface TokenizerConfiguration {

    /** @return the name consumers select it by ({@code bertlab.tokenizer.name}) */
    @AttributeDefinition(description = "Name of the tokenizer service")
    String bertlab_tokenizer_name();

    /** @return the tokenizer file */
    @AttributeDefinition(description = "tokenizer.json, vocab.txt or vocab.json (with merges.txt beside it)")
    String file();

    /** @return {@code bertlab} or {@code huggingface} */
    @AttributeDefinition(description = "Implementation: bertlab or huggingface")
    String bertlab_tokenizer_implementation() default "bertlab";

    /** @return for vocab.txt: lower-case and strip accents */
    @AttributeDefinition(description = "For vocab.txt: uncased (true) or cased (false)")
    boolean lowercase() default true;

    /**
     * The property {@code max_length}: DS maps a double underscore to one underscore (a single underscore would
     * mean {@code max.length}).
     *
     * @return truncation length, 0 for the file's setting
     */
    @AttributeDefinition(description = "Truncate to this many tokens (0: as the file says)")
    int max__length() default 0;

    /** @return truncation strategy */
    @AttributeDefinition(description = "longest_first, only_first or only_second")
    String truncation() default "longest_first";

    /** @return padding: none, longest or max_length */
    @AttributeDefinition(description = "none (as the file says), longest or max_length")
    String padding() default "none";

    /** @return the loader's target filter, derived from the implementation */
    String loader_target() default "(bertlab.tokenizer.implementation=bertlab)";
}
