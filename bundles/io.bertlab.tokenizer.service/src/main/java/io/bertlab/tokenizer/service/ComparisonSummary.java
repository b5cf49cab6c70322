package io.bertlab.tokenizer.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Totals per tokenizer over every input of a comparison, as one line each: the numbers a user chooses a tokenizer
 * by (how many tokens, how finely words are cut, how many unknown tokens, whether texts survive a round trip).
 */
final class ComparisonSummary {

    private static final String[] HEADINGS = {"tokenizer", "tokens", "tokens/word", "unknown", "decodes back"};

    private final List<String> labels;
    private final int[] tokens;
    private final int[] textTokens;
    private final int[] unknown;
    private final int[] exact;
    private final List<Set<RoundTrip>> losses = new ArrayList<>();
    private int texts;
    private int words;

    ComparisonSummary(List<String> labels) {
        this.labels = List.copyOf(labels);
        tokens = new int[labels.size()];
        textTokens = new int[labels.size()];
        unknown = new int[labels.size()];
        exact = new int[labels.size()];
        labels.forEach(label -> losses.add(EnumSet.noneOf(RoundTrip.class)));
    }

    void add(ComparedText text) {
        texts++;
        words += text.words();
        for (int i = 0; i < labels.size(); i++) {
            Tokenization tokenization = text.tokenizations().get(i);
            tokens[i] += tokenization.length();
            textTokens[i] += tokenization.textTokens();
            unknown[i] += tokenization.unknown();
            if (tokenization.roundTrip() == RoundTrip.EXACT) {
                exact[i]++;
            } else {
                losses.get(i).add(tokenization.roundTrip());
            }
        }
    }

    List<String> lines() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (int i = 0; i < labels.size(); i++) {
            rows.add(new String[] {labels.get(i), Integer.toString(tokens[i]),
                TokensPerWord.format(textTokens[i], words), Integer.toString(unknown[i]), roundTrips(i)});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], AlignedColumns.width(row[c]));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Summary of " + plural(texts, "text") + " (" + plural(words, "word") + "):");
        for (String[] row : rows) {
            // label and verdict read left to right; the counts line up on their last digit
            lines.add(("  " + AlignedColumns.padRight(row[0], widths[0])
                    + "  " + AlignedColumns.padLeft(row[1], widths[1])
                    + "  " + AlignedColumns.padLeft(row[2], widths[2])
                    + "  " + AlignedColumns.padLeft(row[3], widths[3])
                    + "  " + row[4]).stripTrailing());
        }
        lines.add("tokens: all tokens, special ones included; tokens/word: the text's own tokens per white-space "
                + "separated word");
        return lines;
    }

    private String roundTrips(int i) {
        String count = exact[i] + " of " + texts;
        return losses.get(i).isEmpty() ? count
                : count + " (" + losses.get(i).stream().map(RoundTrip::description).collect(Collectors.joining(", "))
                        + ")";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
