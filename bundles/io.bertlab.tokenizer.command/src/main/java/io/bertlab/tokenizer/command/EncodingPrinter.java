package io.bertlab.tokenizer.command;

import io.bertlab.api.tokenizer.Encoding;
import java.io.PrintStream;

/** Prints one encoding in one output format. */
interface EncodingPrinter {

    void print(Encoding encoding, PrintStream out);
}
