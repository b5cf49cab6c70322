package io.bertlab.analysis.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.model.HeadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The head a fine-tuned model directory holds, from the {@value #FILE} that {@code glue-train} writes beside the
 * weights: its task, its labels (none for regression) and its pooling. Read here as plain JSON rather than through the
 * GLUE bundle, which keeps the file's record private: explaining needs the head, not the runner.
 *
 * @param task the task the head was trained for
 * @param labels the labels in index order, empty for a regression head
 * @param head the head, named {@code classifier} as every GLUE head is
 */
record FineTunedModel(String task, List<String> labels, HeadSpec head) {

    static final String FILE = "glue.json";

    /** The name GLUE's heads (HF's {@code BertForSequenceClassification}) save their parameters under. */
    static final String HEAD = "classifier";

    static FineTunedModel read(String command, Path folder) throws CommandException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new CommandException(command + ": " + folder + " holds no classification or regression head (no "
                    + FILE + "): fine-tune it with 'bertlab glue-train' first");
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CommandException(command + ": " + file + ": not readable (" + e.getMessage() + ")", e);
        }
        JsonNode labels = json.path("labels");
        if (!json.path("task").isTextual() || !labels.isArray()) {
            throw new CommandException(command + ": " + file + ": expected \"task\" and \"labels\" (the task and"
                    + " labels the head was trained for)");
        }
        List<String> names = new ArrayList<>();
        labels.forEach(label -> names.add(label.asText()));
        HeadSpec.Pooling pooling = HeadSpec.Pooling.POOLER;
        JsonNode poolingNode = json.path("pooling");
        if (poolingNode.isTextual()) {
            try {
                pooling = HeadSpec.Pooling.valueOf(poolingNode.asText());
            } catch (IllegalArgumentException e) {
                throw new CommandException(command + ": " + file + ": unknown pooling '" + poolingNode.asText()
                        + "'", e);
            }
        }
        if (names.size() == 1) {
            throw new CommandException(command + ": " + file + ": a classification head needs at least 2 labels");
        }
        HeadSpec head = names.isEmpty() ? new HeadSpec.Regression(HEAD, pooling)
                : new HeadSpec.Classification(HEAD, names.size(), pooling);
        return new FineTunedModel(json.get("task").asText(), List.copyOf(names), head);
    }

    boolean regression() {
        return labels.isEmpty();
    }
}
