package io.bertlab.task.assin2;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Metric;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.HeadSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * ASSIN 2's entailment task (RTE): does the text entail the hypothesis? Two classes in the order of the Hugging Face
 * {@code assin2} dataset's {@code entailment_judgment} ({@code NONE} = 0, {@code ENTAILMENT} = 1), read from the
 * {@code entailment} attribute ({@code None} / {@code Entailment}; case is ignored, as ASSIN's evaluation ignores
 * it). Scored, as the shared task was, by macro F1 and accuracy.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=" + Assin2Rte.NAME)
public final class Assin2Rte extends Assin2Task {

    /** The task's name. */
    public static final String NAME = "ASSIN2-RTE";

    /** The entailment attribute. */
    static final String ENTAILMENT = "entailment";

    /** The labels by index, as the Hugging Face {@code assin2} dataset names them. */
    static final List<String> LABELS = List.of("NONE", "ENTAILMENT");

    /** The labels by index, as ASSIN's XML files spell them. */
    static final List<String> DATA_VALUES = List.of("None", "Entailment");

    /** Creates the task (for DS, and for use outside OSGi). */
    public Assin2Rte() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> labels() {
        return LABELS;
    }

    @Override
    public HeadSpec head() {
        return HeadSpec.Classification.of(LABELS.size());
    }

    /** Macro F1 first (ASSIN 2's ranking), then accuracy; names of {@link Metric} services. */
    @Override
    public List<String> metrics() {
        return List.of("f1_macro", "accuracy");
    }

    @Override
    String labelAttribute() {
        return ENTAILMENT;
    }

    @Override
    String expectedValues() {
        return String.join(" or ", DATA_VALUES);
    }

    @Override
    Example labelled(AssinXmlReader.Pair pair, String value) throws BadValue {
        String key = value.strip().toLowerCase(Locale.ROOT);
        for (int label = 0; label < DATA_VALUES.size(); label++) {
            if (DATA_VALUES.get(label).toLowerCase(Locale.ROOT).equals(key)) {
                return new Example(pair.id(), pair.t(), pair.h(), label, Double.NaN, pair.line());
            }
        }
        throw new BadValue("unknown entailment value '" + value + "', expected " + expectedValues());
    }

    @Override
    Map<String, String> submissionAttributes(Prediction prediction) {
        int label = prediction.label();
        if (label < 0 || label >= DATA_VALUES.size()) {
            throw new IllegalArgumentException(NAME + ": prediction for id " + prediction.id() + " has label " + label
                    + ", expected 0 (" + DATA_VALUES.get(0) + ") or 1 (" + DATA_VALUES.get(1) + ")");
        }
        return Map.of(ENTAILMENT, DATA_VALUES.get(label));
    }

    @Override
    String submissionFileName() {
        return "assin2-rte.xml";
    }
}
