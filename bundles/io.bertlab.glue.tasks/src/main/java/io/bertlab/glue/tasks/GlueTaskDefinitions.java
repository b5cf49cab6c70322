package io.bertlab.glue.tasks;

import static io.bertlab.glue.tasks.LabelFormat.INDEX;
import static io.bertlab.glue.tasks.LabelFormat.NAME;
import static io.bertlab.glue.tasks.LabelFormat.SCORE;

import java.util.Arrays;
import java.util.List;

/**
 * The ten GLUE tasks as data, side by side so that they can be checked against GLUE's files in one place.
 *
 * <p>Layouts are those written by GLUE's {@code download_glue_data.py}. Labels and their order are HF
 * {@code datasets}' (glue), so that a fine-tuned HF checkpoint's label ids mean the same here. Files with {@code 0}/
 * {@code 1} labels map them to that index; files with label names map them by name. Ids are the file's index column
 * where it has one, else the 0-based row number, as GLUE's submission format expects. The number given with each
 * test split is the size of the official test set, which the leaderboard requires a prediction for each of.
 */
final class GlueTaskDefinitions {

    private static final List<String> NLI_LABELS = List.of("entailment", "neutral", "contradiction");

    /** The Corpus of Linguistic Acceptability: single sentences, acceptable or not; train and dev have no header. */
    static final TaskDefinition COLA = new TaskDefinition("CoLA", List.of("unacceptable", "acceptable"), INDEX,
            List.of("matthews_correlation"), List.of(
                    SplitLayout.labelled("train", colaLabelled()),
                    SplitLayout.labelled("dev", colaLabelled()),
                    SplitLayout.test("test", "test.tsv", singleTest(), "CoLA.tsv", 1063)));

    /** The Stanford Sentiment Treebank, binary. */
    static final TaskDefinition SST_2 = new TaskDefinition("SST-2", List.of("negative", "positive"), INDEX,
            List.of("accuracy"), List.of(
                    SplitLayout.labelled("train", sst2Labelled()),
                    SplitLayout.labelled("dev", sst2Labelled()),
                    SplitLayout.test("test", "test.tsv", singleTest(), "SST-2.tsv", 1821)));

    /** The Microsoft Research Paraphrase Corpus; train and dev start with a BOM and have no index column. */
    static final TaskDefinition MRPC = new TaskDefinition("MRPC", List.of("not_equivalent", "equivalent"), INDEX,
            List.of("f1", "accuracy"), List.of(
                    SplitLayout.labelled("train", mrpcLabelled()),
                    SplitLayout.labelled("dev", mrpcLabelled()),
                    SplitLayout.test("test", "test.tsv",
                            TsvLayout.withHeader("index", "#1 ID", "#2 ID", "#1 String", "#2 String")
                                    .id("index").texts("#1 String", "#2 String"),
                            "MRPC.tsv", 1725)));

    /** Quora Question Pairs. */
    static final TaskDefinition QQP = new TaskDefinition("QQP", List.of("not_duplicate", "duplicate"), INDEX,
            List.of("f1", "accuracy"), List.of(
                    SplitLayout.labelled("train", qqpLabelled()),
                    SplitLayout.labelled("dev", qqpLabelled()),
                    SplitLayout.test("test", "test.tsv",
                            TsvLayout.withHeader("id", "question1", "question2").id("id")
                                    .texts("question1", "question2"),
                            "QQP.tsv", 390965)));

    /** The Semantic Textual Similarity Benchmark: a score in [0, 5], hence regression. */
    static final TaskDefinition STS_B = new TaskDefinition("STS-B", List.of(), SCORE,
            List.of("pearson", "spearman"), List.of(
                    SplitLayout.labelled("train", stsbLabelled()),
                    SplitLayout.labelled("dev", stsbLabelled()),
                    SplitLayout.test("test", "test.tsv", stsb(), "STS-B.tsv", 1379)));

    /** MultiNLI, with matched (same genres as train) and mismatched dev and test sets. */
    static final TaskDefinition MNLI = new TaskDefinition("MNLI", NLI_LABELS, NAME, List.of("accuracy"), List.of(
            SplitLayout.labelled("train", mnli("label1", "gold_label")),
            SplitLayout.labelled("dev_matched", mnliDev()),
            SplitLayout.labelled("dev_mismatched", mnliDev()),
            SplitLayout.test("test_matched", "test_matched.tsv", mnli(), "MNLI-m.tsv", 9796),
            SplitLayout.test("test_mismatched", "test_mismatched.tsv", mnli(), "MNLI-mm.tsv", 9847)));

    /** Question NLI, from SQuAD: does the sentence answer the question. */
    static final TaskDefinition QNLI = new TaskDefinition("QNLI", List.of("entailment", "not_entailment"), NAME,
            List.of("accuracy"), List.of(
                    SplitLayout.labelled("train", qnliLabelled()),
                    SplitLayout.labelled("dev", qnliLabelled()),
                    SplitLayout.test("test", "test.tsv",
                            TsvLayout.withHeader("index", "question", "sentence").id("index")
                                    .texts("question", "sentence"),
                            "QNLI.tsv", 5463)));

    /** Recognizing Textual Entailment; labels are names. */
    static final TaskDefinition RTE = new TaskDefinition("RTE", List.of("entailment", "not_entailment"), NAME,
            List.of("accuracy"), List.of(
                    SplitLayout.labelled("train", sentencePairLabelled(NAME)),
                    SplitLayout.labelled("dev", sentencePairLabelled(NAME)),
                    SplitLayout.test("test", "test.tsv", sentencePairTest(), "RTE.tsv", 3000)));

    /** Winograd NLI: RTE's layout, but 0/1 labels where 1 is entailment, hence HF's reversed label order. */
    static final TaskDefinition WNLI = new TaskDefinition("WNLI", List.of("not_entailment", "entailment"), INDEX,
            List.of("accuracy"), List.of(
                    SplitLayout.labelled("train", sentencePairLabelled(INDEX)),
                    SplitLayout.labelled("dev", sentencePairLabelled(INDEX)),
                    SplitLayout.test("test", "test.tsv", sentencePairTest(), "WNLI.tsv", 146)));

    /** The diagnostic set: test only, predicted by an MNLI model, so MNLI's labels; scored by R3 (Matthews). */
    static final TaskDefinition AX = new TaskDefinition("AX", NLI_LABELS, NAME, List.of("matthews_correlation"),
            List.of(SplitLayout.test("test", "diagnostic.tsv", sentencePairTest(), "AX.tsv", 1104)));

    private GlueTaskDefinitions() {
    }

    /** @return every task, in GLUE's order */
    static List<TaskDefinition> all() {
        return List.of(COLA, SST_2, MRPC, QQP, STS_B, MNLI, QNLI, RTE, WNLI, AX);
    }

    private static TsvLayout colaLabelled() {
        return TsvLayout.withoutHeader("source", "label", "original_annotation", "sentence")
                .text("sentence").gold("label", INDEX);
    }

    private static TsvLayout sst2Labelled() {
        return TsvLayout.withHeader("sentence", "label").text("sentence").gold("label", INDEX);
    }

    /** CoLA's and SST-2's test files. */
    private static TsvLayout singleTest() {
        return TsvLayout.withHeader("index", "sentence").id("index").text("sentence");
    }

    private static TsvLayout mrpcLabelled() {
        return TsvLayout.withHeader("Quality", "#1 ID", "#2 ID", "#1 String", "#2 String")
                .texts("#1 String", "#2 String").gold("Quality", INDEX);
    }

    private static TsvLayout qqpLabelled() {
        return TsvLayout.withHeader("id", "qid1", "qid2", "question1", "question2", "is_duplicate").id("id")
                .texts("question1", "question2").gold("is_duplicate", INDEX);
    }

    private static TsvLayout stsb(String... gold) {
        String[] columns = concat(new String[] {"index", "genre", "filename", "year", "old_index", "source1",
            "source2", "sentence1", "sentence2"}, gold);
        return TsvLayout.withHeader(columns).id("index").texts("sentence1", "sentence2");
    }

    private static TsvLayout stsbLabelled() {
        return stsb("score").gold("score", SCORE);
    }

    /** MNLI's ten common columns plus the given annotator and gold columns; the gold label is always the last. */
    private static TsvLayout mnli(String... labels) {
        String[] columns = concat(new String[] {"index", "promptID", "pairID", "genre", "sentence1_binary_parse",
            "sentence2_binary_parse", "sentence1_parse", "sentence2_parse", "sentence1", "sentence2"}, labels);
        TsvLayout layout = TsvLayout.withHeader(columns).id("index").texts("sentence1", "sentence2");
        return labels.length == 0 ? layout : layout.gold("gold_label", NAME);
    }

    /** The dev files keep all five annotators' labels, so they have 16 columns to train's 12. */
    private static TsvLayout mnliDev() {
        return mnli("label1", "label2", "label3", "label4", "label5", "gold_label");
    }

    private static TsvLayout qnliLabelled() {
        return TsvLayout.withHeader("index", "question", "sentence", "label").id("index")
                .texts("question", "sentence").gold("label", NAME);
    }

    /** RTE's and WNLI's train and dev files. */
    private static TsvLayout sentencePairLabelled(LabelFormat format) {
        return TsvLayout.withHeader("index", "sentence1", "sentence2", "label").id("index")
                .texts("sentence1", "sentence2").gold("label", format);
    }

    /** RTE's, WNLI's and AX's test files. */
    private static TsvLayout sentencePairTest() {
        return TsvLayout.withHeader("index", "sentence1", "sentence2").id("index").texts("sentence1", "sentence2");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
