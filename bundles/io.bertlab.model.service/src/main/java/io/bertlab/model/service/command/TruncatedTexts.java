package io.bertlab.model.service.command;

import io.bertlab.api.tokenizer.Encoding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The texts longer than the model takes, which embed cuts to fit: the user hears of it once, at the end, on
 * standard error, instead of getting a vector for only the start of a text without knowing.
 */
final class TruncatedTexts {

    private static final int LISTED = 10;

    private final int maxTokens;
    private final List<Integer> indexes = new ArrayList<>();

    TruncatedTexts(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    void check(int index, Encoding encoding) {
        if (!encoding.overflowing().isEmpty()) {
            indexes.add(index);
        }
    }

    void report(String command, int total, PrintStream err) {
        if (indexes.isEmpty()) {
            return;
        }
        String listed = indexes.stream().limit(LISTED).map(String::valueOf).collect(Collectors.joining(", "))
                + (indexes.size() > LISTED ? ", ..." : "");
        err.printf("%s: %d of %d texts were longer than the model's %d tokens; each embedding covers only the first"
                + " %d (index %s)%n", command, indexes.size(), total, maxTokens, maxTokens, listed);
    }
}
