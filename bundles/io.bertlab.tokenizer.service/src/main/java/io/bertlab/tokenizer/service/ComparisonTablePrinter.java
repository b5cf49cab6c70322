package io.bertlab.tokenizer.service;

import java.io.PrintStream;
import java.util.List;

/**
 * For each input, one block per tokenizer (its label, token count, unknown tokens, what the ids decode to, then
 * the tokens over their ids), and after the last input the {@link ComparisonSummary}.
 */
final class ComparisonTablePrinter implements ComparisonPrinter {

    private static final String[] ROWS = {"tokens", "input_ids"};

    private final ComparisonSummary summary;
    private final int labelWidth;
    private int texts;

    ComparisonTablePrinter(List<String> labels) {
        summary = new ComparisonSummary(labels);
        labelWidth = labels.stream().mapToInt(AlignedColumns::width).max().orElse(0);
    }

    @Override
    public void print(ComparedText text, PrintStream out) {
        texts++;
        summary.add(text);
        out.println(("text " + texts + " (" + text.words() + (text.words() == 1 ? " word" : " words") + "): "
                + text.text()).stripTrailing());
        for (Tokenization tokenization : text.tokenizations()) {
            out.println("  " + AlignedColumns.padRight(tokenization.label(), labelWidth) + "  "
                    + AlignedColumns.padLeft(Integer.toString(tokenization.length()), 3) + " tokens, "
                    + tokenization.unknown() + " unknown, " + roundTrip(tokenization));
            String[][] cells = {tokenization.tokens(), AlignedColumns.strings(tokenization.ids())};
            AlignedColumns.lines(ROWS, ROWS[1].length(), cells).forEach(line -> out.println("    " + line));
        }
        out.println();
    }

    @Override
    public void finish(PrintStream out) {
        summary.lines().forEach(out::println);
    }

    private static String roundTrip(Tokenization tokenization) {
        RoundTrip roundTrip = tokenization.roundTrip();
        return roundTrip == RoundTrip.EXACT ? roundTrip.description()
                : "decodes to \"" + tokenization.decoded() + "\" (" + roundTrip.description() + ")";
    }
}
