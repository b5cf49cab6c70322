package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code fill-mask} refuses, each with exit status 1 (2 for the command line) and a message naming the cause:
 * all-MiniLM-L6-v2, a real checkpoint with no MLM head (a sentence encoder), and its tokenizer with the mask token
 * taken away. None of these loads a model: the checks read the tokenizer and the weights file's header only.
 */
class FillMaskErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    private final LoadedModels models = new LoadedModels();

    @AfterEach
    void noModelWasLoaded() {
        assertEquals(0, models.loads(), "the checks come before the model is used");
        models.close();
    }

    private Path minilmDirectory(String name) throws IOException {
        return JavaMiniLm.directory(folder.resolve(name));
    }

    private CommandException fails(String... arguments) {
        return assertThrows(CommandException.class, () -> new FillMaskCommand(models).run(
                new CapturingContext(folder, arguments)));
    }

    @Test
    void aTextWithoutAMask() throws IOException {
        Path directory = minilmDirectory("minilm");
        CommandException e = fails("--model", directory.toString(), "Help me, Obi-Wan Kenobi.");
        assertEquals(1, e.exitStatus());
        assertEquals("fill-mask: the text has no [MASK]: 'Help me, Obi-Wan Kenobi.' (write [MASK], exactly so, where"
                + " a word is to be predicted)", e.getMessage());
        e = fails("--model", directory.toString(), "The [MASK] sat.", "The cat [mask].");
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().startsWith("fill-mask: text 2 of 2 has no [MASK]: 'The cat [mask].'"),
                e.getMessage());
    }

    @Test
    void aCheckpointWithoutAnMlmHead() throws IOException {
        Path directory = minilmDirectory("minilm");
        CommandException e = fails("--model", directory.toString(), "You're my only [MASK].");
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().startsWith("fill-mask: the model " + directory + " has no masked-LM head: its"
                + " model.safetensors has no cls.predictions.* weights ("), e.getMessage());
    }

    @Test
    void aCheckpointWithPartOfAnMlmHeadNamesWhatIsMissing() throws IOException {
        ModelDirectory.Checkpoint minilm = JavaMiniLm.checkpoint();
        BertWeights weights = minilm.weights().copy();
        weights.put(new Weight("cls.predictions.bias", new int[] {minilm.config().vocabSize()},
                new float[minilm.config().vocabSize()]));
        Path directory = folder.resolve("partial");
        ModelDirectory.save(directory, new ModelDirectory.Checkpoint(minilm.config(), weights));
        Files.copy(MiniLmFiles.tokenizer(), directory.resolve(ModelProperties.TOKENIZER_FILE));
        CommandException e = fails("--model", directory.toString(), "You're my only [MASK].");
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().contains(directory + " has no masked-LM head: its model.safetensors lacks"
                + " cls.predictions.transform.dense.weight, cls.predictions.transform.dense.bias,"
                + " cls.predictions.transform.LayerNorm.weight, cls.predictions.transform.LayerNorm.bias ("),
                e.getMessage());
    }

    @Test
    void aVocabularyWithoutAMaskToken() throws IOException {
        Path directory = minilmDirectory("no-mask");
        Path tokenizer = directory.resolve(ModelProperties.TOKENIZER_FILE);
        ObjectNode json = (ObjectNode) JSON.readTree(tokenizer.toFile());
        ObjectNode vocab = (ObjectNode) json.path("model").path("vocab");
        vocab.set("[MASQUE]", vocab.remove("[MASK]"));
        for (JsonNode added : json.path("added_tokens")) {
            if (added.path("content").asText().equals("[MASK]")) {
                ((ObjectNode) added).put("content", "[MASQUE]");
            }
        }
        JSON.writeValue(tokenizer.toFile(), json);
        CommandException e = fails("--model", directory.toString(), "You're my only [MASK].");
        assertEquals(1, e.exitStatus());
        assertEquals("fill-mask: " + tokenizer + ": the vocabulary has no mask token (neither [MASK] nor <mask>),"
                + " so there is nothing to fill", e.getMessage());
    }

    @Test
    void aMaskTokenThatIsNotAnAddedTokenCannotBeWritten() throws IOException {
        Path directory = minilmDirectory("not-added");
        Path tokenizer = directory.resolve(ModelProperties.TOKENIZER_FILE);
        ObjectNode json = (ObjectNode) JSON.readTree(tokenizer.toFile());
        for (Iterator<JsonNode> added = ((ArrayNode) json.path("added_tokens")).elements(); added.hasNext(); ) {
            if (added.next().path("content").asText().equals("[MASK]")) {
                added.remove();
            }
        }
        JSON.writeValue(tokenizer.toFile(), json);
        CommandException e = fails("--model", directory.toString(), "You're my only [MASK].");
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().startsWith("fill-mask: " + tokenizer + ": the vocabulary has [MASK] (id 103) but"
                + " the tokenizer splits the text '[MASK]' into ids ["), e.getMessage());
    }

    @Test
    void aModelThatIsNotThere() {
        CommandException e = fails("--model", "nowhere", "You're my only [MASK].");
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().startsWith("fill-mask: no model named 'nowhere'"), e.getMessage());
    }

    @Test
    void commandLineErrorsAreUsageErrors() throws IOException {
        String model = minilmDirectory("minilm").toString();
        for (String[] arguments : new String[][] {
                {"You're my only [MASK]."},
                {"--model", model},
                {"--model", model, "--top-k", "0", "[MASK]"},
                {"--model", model, "--top-k", "five", "[MASK]"},
                {"--model", model, "--format", "csv", "[MASK]"},
                {"--model", model, "--pooling", "mean", "[MASK]"}}) {
            UsageException e = assertThrows(UsageException.class, () -> new FillMaskCommand(models).run(
                    new CapturingContext(folder, arguments)), String.join(" ", arguments));
            assertEquals(2, e.exitStatus());
            assertTrue(e.getMessage().startsWith("fill-mask"), e.getMessage());
        }
    }
}
