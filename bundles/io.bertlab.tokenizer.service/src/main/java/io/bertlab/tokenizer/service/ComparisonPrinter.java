package io.bertlab.tokenizer.service;

import java.io.PrintStream;

/** Prints the inputs of one {@code compare-tokenizers} call, one at a time, in one output format. */
interface ComparisonPrinter {

    void print(ComparedText text, PrintStream out);

    /** After the last input: what a format says about all of them together. */
    default void finish(PrintStream out) {
    }
}
