package io.bertlab.glue.tasks;

/**
 * How a split's gold column is written, which is also how a task writes its predictions in a submission file.
 */
enum LabelFormat {

    /** No gold column: GLUE's test splits. */
    NONE,

    /** The label's index as a decimal number ({@code 0}/{@code 1} in CoLA, SST-2, MRPC, QQP, WNLI). */
    INDEX,

    /** The label's name ({@code entailment}, {@code not_entailment}, ... in MNLI, QNLI, RTE, AX). */
    NAME,

    /** A real-valued similarity score in [0, 5] (STS-B). */
    SCORE
}
