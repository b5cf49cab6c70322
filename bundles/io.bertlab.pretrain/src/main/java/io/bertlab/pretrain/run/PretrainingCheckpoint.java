package io.bertlab.pretrain.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.model.bert.AtomicFiles;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Model directories laid out as HF's {@code BertForPreTraining.save_pretrained} lays them out, so that HF loads them
 * with their heads: the encoder and pooler under the {@code bert.} prefix, the heads at the top
 * ({@code cls.predictions.transform.*}, {@code cls.predictions.bias}, {@code cls.seq_relationship.*}; the decoder
 * is the word embedding matrix, tied, so not stored), and {@code "architectures": ["BertForPreTraining"]} in
 * {@code config.json}. HF refuses a checkpoint that mixes unprefixed encoder names with head names ("the state
 * dictionary ... is corrupted") or, in later versions, drops its heads; bertlab reads either layout.
 */
final class PretrainingCheckpoint {

    static final String ARCHITECTURE = "BertForPreTraining";

    private PretrainingCheckpoint() {
    }

    /**
     * Rewrites a model directory that an engine's session saved (encoder names without prefix) in HF's
     * {@code BertForPreTraining} layout.
     *
     * @param folder the model directory
     * @throws IOException when it cannot be read or written
     */
    static void toPretrainingLayout(Path folder) throws IOException {
        ModelDirectory.Checkpoint saved = ModelDirectory.load(folder);
        save(folder, saved.config(), saved.weights());
    }

    /**
     * Writes a model directory in HF's {@code BertForPreTraining} layout.
     *
     * @param folder the model directory, created if missing
     * @param config the configuration
     * @param weights the weights under bertlab's names (encoder without prefix)
     * @throws IOException when writing fails
     */
    static void save(Path folder, ModelConfig config, BertWeights weights) throws IOException {
        Set<String> base = new HashSet<>(BertParameterNames.encoderShapes(config).keySet());
        base.addAll(BertParameterNames.poolerShapes(config).keySet());
        BertWeights named = new BertWeights();
        for (Weight weight : weights.all()) {
            String name = base.contains(weight.name()) ? BertParameterNames.TASK_MODEL_PREFIX + weight.name()
                    : weight.name();
            named.put(new Weight(name, weight.shape(), weight.values()));
        }
        ModelDirectory.save(folder, new ModelDirectory.Checkpoint(config, named));
        Path configFile = folder.resolve(ModelProperties.CONFIG_FILE);
        ObjectNode json = (ObjectNode) RunState.JSON.readTree(configFile.toFile());
        json.putArray("architectures").add(ARCHITECTURE);
        byte[] bytes = RunState.JSON.writeValueAsBytes(json);
        AtomicFiles.write(configFile, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }
}
