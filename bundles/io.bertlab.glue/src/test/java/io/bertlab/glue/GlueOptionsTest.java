package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.testing.CapturingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlueOptionsTest {

    private static final String COMMAND = "glue-train";

    @TempDir
    Path dir;

    private CapturingContext context(String... arguments) {
        return new CapturingContext(dir, arguments);
    }

    /** Parses a command line as glue-train does: model, data and training options, and --resume. */
    private GlueOptions train(String... arguments) throws UsageException {
        return GlueOptions.parse(COMMAND, context(arguments), Set.of("--resume"), GlueOptions.MODEL_OPTIONS,
                GlueOptions.DATA_OPTIONS, GlueOptions.TRAINING_OPTIONS, Set.of("--task", "--output"));
    }

    private static void assertNames(UsageException e, String option) {
        assertTrue(e.getMessage().startsWith(COMMAND + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(option), option + " not named: " + e.getMessage());
        assertEquals(UsageException.USAGE, e.exitStatus());
    }

    @Test
    void defaultsWhenNothingIsGiven() throws UsageException {
        GlueOptions options = train();
        assertEquals(TrainingSettings.DEFAULTS, options.training());
        assertEquals("fallback", options.model("fallback"));
        assertEquals("java", options.engine());
        assertEquals("cpu", options.device());
        assertEquals("dev", options.split("dev"));
        assertEquals(32, options.batchSize(32));
        assertEquals(128, options.maxLength(128));
        assertFalse(options.hasTrainingOptions());
        TaskData data = options.data();
        assertEquals(List.of(dir), data.roots().roots());
        assertFalse(data.strict());
    }

    @Test
    void givenValuesAreUsed() throws UsageException {
        CapturingContext context = context("--model", "minilm", "--engine=pytorch", "--device", "gpu", "--epochs",
                "5", "--lr", "3e-5", "--batch-size", "16", "--max-length", "64", "--seed", "7", "--warmup", "0",
                "--weight-decay", "0.1", "--save-steps", "100", "--pooling", "mean", "--data", "glue_data", "--data", "/abs/assin",
                "--strict", "--split", "test", "--task", "RTE", "--output", "out", "--resume");
        GlueOptions options = GlueOptions.parse(COMMAND, context, Set.of("--resume"), GlueOptions.MODEL_OPTIONS,
                GlueOptions.DATA_OPTIONS, GlueOptions.TRAINING_OPTIONS, Set.of("--task", "--output"));
        assertEquals(new TrainingSettings(5, 3e-5, 16, 64, 7, 0, 0.1, 100, HeadSpec.Pooling.MEAN, HeadKind.DENSE),
                options.training());
        assertEquals("minilm", options.model("x"));
        assertEquals("pytorch", options.engine());
        assertEquals("gpu", options.device());
        assertEquals("test", options.split("dev"));
        assertEquals(16, options.batchSize(32));
        assertEquals(64, options.maxLength(128));
        assertEquals("RTE", options.required("--task"));
        assertEquals(dir.resolve("out"), options.path("out"));
        assertTrue(options.arguments().has("--resume"));
        assertTrue(options.hasTrainingOptions());
        TaskData data = options.data();
        assertEquals(List.of(dir.resolve("glue_data"), Path.of("/abs/assin")), data.roots().roots());
        assertTrue(data.strict());
        assertSame(context.err(), data.err());
    }

    @ParameterizedTest(name = "--pooling {0}")
    @CsvSource({"auto,", "pooler, POOLER", "mean, MEAN"})
    void poolingIsAutoUnlessChosen(String value, HeadSpec.Pooling expected) throws UsageException {
        assertEquals(expected, train("--pooling", value).training().pooling());
    }

    @ParameterizedTest(name = "--head {0}")
    @CsvSource({"dense, DENSE", "cosine, COSINE"})
    void headIsDenseUnlessChosen(String value, HeadKind expected) throws UsageException {
        assertEquals(expected, train("--head", value).training().head());
        assertEquals(HeadKind.DENSE, train().training().head());
    }

    @ParameterizedTest(name = "{0} counts as a training option")
    @CsvSource({"--epochs, 2", "--lr, 1e-4", "--seed, 3", "--warmup, 0.2", "--weight-decay, 0", "--save-steps, 5",
        "--batch-size, 8", "--max-length, 32", "--pooling, mean", "--head, cosine"})
    void anyTrainingOptionCounts(String option, String value) throws UsageException {
        assertTrue(train(option, value).hasTrainingOptions());
    }

    @Test
    void modelAndDataOptionsAreNotTrainingOptions() throws UsageException {
        assertFalse(train("--model", "m", "--data", "d", "--strict", "--split", "dev", "--resume")
                .hasTrainingOptions());
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertNames(assertThrows(UsageException.class, () -> train("--learning-rate", "1e-5")), "--learning-rate");
    }

    @Test
    void aPositionalArgumentIsNamed() {
        UsageException e = assertThrows(UsageException.class, () -> train("--task", "RTE", "minilm"));
        assertNames(e, "'minilm'");
        assertTrue(e.getMessage().contains("--help"), e.getMessage());
    }

    @Test
    void aMissingValueIsNamed() {
        assertNames(assertThrows(UsageException.class, () -> train("--task")), "--task");
        assertNames(assertThrows(UsageException.class, () -> train("--model", "--engine", "java")), "--model");
    }

    @Test
    void aFlagWithAValueIsNamed() {
        assertNames(assertThrows(UsageException.class, () -> train("--strict=yes")), "--strict");
    }

    @Test
    void aMissingRequiredOptionIsNamed() throws UsageException {
        GlueOptions options = train("--model", "minilm");
        assertNames(assertThrows(UsageException.class, () -> options.required("--task")), "--task");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--epochs, 0", "--epochs, three", "--epochs, 1.5", "--lr, 0", "--lr, -1e-5", "--lr, fast", "--lr, NaN",
        "--batch-size, 0", "--batch-size, many", "--max-length, 2", "--max-length, x", "--seed, 1e3",
        "--seed, 99999999999999999999", "--lr, Infinity", "--warmup, 1.5", "--warmup, -0.1", "--warmup, tenth", "--weight-decay, -0.01",
        "--weight-decay, none", "--save-steps, -1", "--save-steps, often",
        "--pooling, cls", "--pooling, MEAN", "--head, siamese", "--head, COSINE"})
    void aBadTrainingValueIsAUsageErrorNamingTheOption(String option, String value) throws UsageException {
        GlueOptions options = train(option, value);
        assertNames(assertThrows(UsageException.class, options::training), option);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--batch-size, 0", "--batch-size, -4", "--batch-size, big", "--max-length, 2", "--max-length, 0",
        "--max-length, long"})
    void aBadBatchSizeOrMaxLengthForEvaluationIsAUsageErrorNamingTheOption(String option, String value)
            throws UsageException {
        GlueOptions options = train(option, value);
        UsageException e = assertThrows(UsageException.class, () -> {
            options.batchSize(32);
            options.maxLength(128);
        });
        assertNames(e, option);
    }

    @Test
    void theSmallestValidValuesAreAccepted() throws UsageException {
        GlueOptions options = train("--batch-size", "1", "--max-length", "3", "--epochs", "1", "--warmup", "1",
                "--weight-decay", "0", "--save-steps", "0");
        assertEquals(1, options.batchSize(32));
        assertEquals(3, options.maxLength(128));
        assertEquals(new TrainingSettings(1, 2e-5, 1, 3, 42, 1, 0, 0, null, HeadKind.DENSE), options.training());
    }

    @Test
    void theLastValueOfARepeatedOptionWins() throws UsageException {
        assertEquals(4, train("--epochs", "2", "--epochs", "4").training().epochs());
    }

    @Test
    void optionsOfOtherGroupsAreUnknown() {
        // glue-evaluate takes no training options
        UsageException e = assertThrows(UsageException.class, () -> GlueOptions.parse("glue-evaluate",
                context("--epochs", "3"), Set.of(), GlueOptions.MODEL_OPTIONS, GlueOptions.DATA_OPTIONS));
        assertTrue(e.getMessage().startsWith("glue-evaluate: "), e.getMessage());
        assertTrue(e.getMessage().contains("--epochs"), e.getMessage());
    }
}
