package io.bertlab.glue;

import java.util.LinkedHashMap;
import java.util.Map;

/** The eleven files the GLUE server expects in a submission zip, and the task and split each one predicts. */
final class SubmissionFiles {

    /**
     * Where one file's predictions come from.
     *
     * @param task the task whose test split it predicts
     * @param split that split's name
     * @param trainTask the task whose training labels give the majority class (AX: MNLI's)
     */
    record Source(String task, String split, String trainTask) {
    }

    static final Map<String, Source> EXPECTED = expected();

    private SubmissionFiles() {
    }

    private static Map<String, Source> expected() {
        Map<String, Source> files = new LinkedHashMap<>();
        for (String task : new String[] {"CoLA", "SST-2", "MRPC", "STS-B", "QQP"}) {
            files.put(task + ".tsv", new Source(task, "test", task));
        }
        files.put("MNLI-m.tsv", new Source("MNLI", "test_matched", "MNLI"));
        files.put("MNLI-mm.tsv", new Source("MNLI", "test_mismatched", "MNLI"));
        for (String task : new String[] {"QNLI", "RTE", "WNLI"}) {
            files.put(task + ".tsv", new Source(task, "test", task));
        }
        files.put("AX.tsv", new Source("AX", "test", "MNLI"));
        return files;
    }
}
