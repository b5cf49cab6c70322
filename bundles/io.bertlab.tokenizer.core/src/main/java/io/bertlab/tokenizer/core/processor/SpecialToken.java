package io.bertlab.tokenizer.core.processor;

import java.util.List;

/**
 * A special token of a template: its name in the template and the ids and tokens it expands to.
 *
 * @param name the name used in the template, e.g. {@code [CLS]}
 * @param ids the ids it stands for
 * @param tokens the token texts, one per id
 */
public record SpecialToken(String name, List<Integer> ids, List<String> tokens) {

    /**
     * Copies the lists.
     *
     * @param name the name
     * @param ids the ids
     * @param tokens the tokens
     */
    public SpecialToken {
        ids = List.copyOf(ids);
        tokens = List.copyOf(tokens);
    }
}
