package io.bertlab.tokenizer.service;

import io.bertlab.api.tokenizer.Encoding;
import java.io.PrintStream;

/** Prints one encoding in one output format. */
interface EncodingPrinter {

    void print(Encoding encoding, PrintStream out);
}
