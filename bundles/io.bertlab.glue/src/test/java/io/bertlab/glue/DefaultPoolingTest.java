package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.Model;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --pooling auto}: the pooler where the checkpoint has one, else the mean of the tokens. */
class DefaultPoolingTest {

    @TempDir
    Path dir;

    @Test
    void miniLmHasNoPoolerSoItsHeadReadsTheMeanOfTheTokens() throws IOException {
        try (Model model = new JavaEngine().load(RealTraining.minilm(dir.resolve("minilm"), 0.1))) {
            assertEquals(HeadSpec.Pooling.MEAN, TaskRun.defaultPooling(model));
        }
    }

    @Test
    void aCheckpointWithAPoolerKeepsHfsHead() throws IOException {
        Path tiny = RealTraining.tinyBert(dir.resolve("tiny"));
        ModelDirectory.Checkpoint checkpoint = ModelDirectory.load(tiny);
        BertWeights weights = checkpoint.weights();
        for (Map.Entry<String, int[]> e : BertParameterNames.poolerShapes(checkpoint.config()).entrySet()) {
            weights.put(new Weight(e.getKey(), e.getValue(), new float[(int) Weight.elementCount(e.getValue())]));
        }
        ModelDirectory.save(tiny, new ModelDirectory.Checkpoint(checkpoint.config(), weights));
        try (Model model = new JavaEngine().load(tiny)) {
            assertEquals(HeadSpec.Pooling.POOLER, TaskRun.defaultPooling(model));
        }
    }
}
