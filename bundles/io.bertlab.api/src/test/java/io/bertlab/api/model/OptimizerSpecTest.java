package io.bertlab.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The schedule is HF's get_linear_schedule_with_warmup: lr * step / warmup, then lr * (total - step) / (total - warmup). */
class OptimizerSpecTest {

    private final OptimizerSpec spec = new OptimizerSpec(1e-3, 0.9, 0.999, 1e-8, 0.01, OptimizerSpec.BERT_NO_DECAY, 2,
            10, 1.0);

    @Test
    void warmsUpFromZeroThenDecaysLinearlyToZero() {
        assertEquals(0.0, spec.learningRateAt(0), 1e-15);
        assertEquals(5e-4, spec.learningRateAt(1), 1e-15);
        assertEquals(1e-3, spec.learningRateAt(2), 1e-15);
        assertEquals(5e-4, spec.learningRateAt(6), 1e-15);
        assertEquals(1.25e-4, spec.learningRateAt(9), 1e-15);
        assertEquals(0.0, spec.learningRateAt(10), 1e-15);
        assertEquals(0.0, spec.learningRateAt(12), 1e-15);
    }
}
