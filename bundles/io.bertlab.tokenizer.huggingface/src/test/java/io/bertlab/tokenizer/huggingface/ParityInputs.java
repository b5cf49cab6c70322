package io.bertlab.tokenizer.huggingface;

import io.bertlab.testing.SharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real inputs of the parity suite: every line of every file under {@code text/}, every sentence of the GLUE
 * TSV files (split on tabs, no quoting; sentence columns found by their header names, CoLA's headerless files by
 * position), and sentence pairs (GLUE's pair tasks and consecutive text lines). A deterministic sample keeps every
 * {@code stride}-th input of each file, so that each file and language stays represented.
 */
final class ParityInputs {

    final List<String> singles = new ArrayList<>();
    final List<String[]> pairs = new ArrayList<>();

    static ParityInputs load(Path textRoot, Path glueRoot, int stride) {
        ParityInputs inputs = new ParityInputs();
        for (Path file : SharedCorpus.files(textRoot, "")) {
            List<String> lines = SharedCorpus.lines(file);
            for (int i = 0; i < lines.size(); i += stride) {
                inputs.singles.add(lines.get(i));
                if (i + 1 < lines.size()) {
                    inputs.pairs.add(new String[] {lines.get(i), lines.get(i + 1)});
                }
            }
        }
        for (Path file : SharedCorpus.files(glueRoot, ".tsv")) {
            inputs.addGlue(file, stride);
        }
        return inputs;
    }

    private void addGlue(Path file, int stride) {
        List<List<String>> rows = SharedCorpus.glueRows(file);
        for (int i = 0; i < rows.size(); i += stride) {
            List<String> sentences = rows.get(i);
            singles.addAll(sentences);
            if (sentences.size() == 2) {
                pairs.add(sentences.toArray(new String[0]));
            }
        }
    }
}
