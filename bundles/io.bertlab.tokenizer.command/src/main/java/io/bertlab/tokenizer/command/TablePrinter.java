package io.bertlab.tokenizer.command;

import io.bertlab.api.tokenizer.Encoding;
import java.io.PrintStream;

/** The breakdown people learn BERT with: one row per input, one column per token. */
final class TablePrinter implements EncodingPrinter {

    private static final String[] ROWS = {"tokens", "input_ids", "token_type_ids", "attention_mask", "position_ids"};

    @Override
    public void print(Encoding encoding, PrintStream out) {
        String[][] cells = new String[ROWS.length][];
        cells[0] = encoding.tokens();
        cells[1] = strings(encoding.ids());
        cells[2] = strings(encoding.typeIds());
        cells[3] = strings(encoding.attentionMask());
        cells[4] = strings(encoding.positionIds());
        int[] widths = new int[encoding.length()];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        for (int r = 0; r < ROWS.length; r++) {
            StringBuilder line = new StringBuilder(String.format("%-15s", ROWS[r]));
            for (int i = 0; i < cells[r].length; i++) {
                String cell = cells[r][i];
                line.append(' ').append(cell).append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length())));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
    }

    private static String[] strings(int[] values) {
        String[] strings = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            strings[i] = Integer.toString(values[i]);
        }
        return strings;
    }
}
