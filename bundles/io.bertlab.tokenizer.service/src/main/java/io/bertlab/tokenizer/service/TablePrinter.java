package io.bertlab.tokenizer.service;

import io.bertlab.api.tokenizer.Encoding;
import java.io.PrintStream;

/** The breakdown people learn BERT with: one row per input, one column per token. */
final class TablePrinter implements EncodingPrinter {

    private static final String[] ROWS = {"tokens", "input_ids", "token_type_ids", "attention_mask", "position_ids"};

    @Override
    public void print(Encoding encoding, PrintStream out) {
        String[][] cells = {
            encoding.tokens(),
            AlignedColumns.strings(encoding.ids()),
            AlignedColumns.strings(encoding.typeIds()),
            AlignedColumns.strings(encoding.attentionMask()),
            AlignedColumns.strings(encoding.positionIds()),
        };
        AlignedColumns.lines(ROWS, 15, cells).forEach(out::println);
        out.println();
    }
}
