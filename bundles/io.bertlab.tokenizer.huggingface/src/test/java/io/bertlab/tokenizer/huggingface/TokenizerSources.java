package io.bertlab.tokenizer.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.api.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The WordPiece and BPE tokenizer files under {@code tokenizers/}: each {@code tokenizer.json} whose model is
 * WordPiece or BPE, each {@code vocab.txt} (uncased when the folder name says so), each {@code vocab.json} with
 * {@code merges.txt}. The oracle loads a {@code tokenizer.json} as it is; for vocabulary files it loads the
 * {@code tokenizer.json} bertlab writes for them, which also checks that HuggingFace reads what bertlab writes.
 */
final class TokenizerSources {

    static final ModelRegistry MODELS = ModelRegistry.discover(TokenizerSources.class.getClassLoader());

    record Source(String name, Path file, Map<String, String> options) {

        Tokenizer load() {
            try {
                return TokenizerFiles.load(file, options, MODELS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String oracleJson(Tokenizer ours) {
            try {
                return file.getFileName().toString().equals("tokenizer.json") ? Files.readString(file)
                        : TokenizerFiles.toJson(ours);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private TokenizerSources() {
    }

    static List<Source> find(Path tokenizersRoot) {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(tokenizersRoot)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String folder = dir.getFileName().toString();
                Path json = dir.resolve("tokenizer.json");
                if (Files.isRegularFile(json) && isWordPieceOrBpe(json)) {
                    sources.add(new Source(folder + "/tokenizer.json", json, Map.of()));
                }
                Path vocabTxt = dir.resolve("vocab.txt");
                if (Files.isRegularFile(vocabTxt)) {
                    sources.add(new Source(folder + "/vocab.txt", vocabTxt,
                            Map.of(TokenizerLoader.OPTION_LOWERCASE, String.valueOf(folder.contains("uncased")))));
                }
                Path vocabJson = dir.resolve("vocab.json");
                if (Files.isRegularFile(vocabJson) && Files.isRegularFile(dir.resolve("merges.txt"))) {
                    sources.add(new Source(folder + "/vocab.json+merges.txt", vocabJson, Map.of()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static boolean isWordPieceOrBpe(Path json) throws IOException {
        // Unigram files (a list vocabulary, "unk_id") belong to the next model plugins.
        JsonNode model = new ObjectMapper().readTree(json.toFile()).path("model");
        String type = model.path("type").asText("");
        return type.equals("WordPiece") || type.equals("BPE") || (type.isEmpty() && model.path("vocab").isObject());
    }
}
