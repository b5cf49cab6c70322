package io.bertlab.tokenizer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.tokenizer.TrainerSettings;
import io.bertlab.api.tokenizer.TrainingResult;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.core.pipeline.PipelineTokenizer;
import io.bertlab.tokenizer.unigram.ScoredPiece;
import io.bertlab.tokenizer.unigram.UnigramModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unigram training on the shared corpus with the settings of HuggingFace's reference run
 * ({@code trainers/unigram.json}): the vocabulary reaches its size exactly, the likelihood rises across EM
 * iterations within each round (the SentencePiece paper's behaviour), the file loads in HuggingFace and encodes as
 * in bertlab; the overlap with HuggingFace's vocabulary is printed.
 */
class UnigramTrainerTest {

    private static final List<String> SPECIALS = List.of("<pad>", "<unk>");

    @TempDir
    Path temp;

    @Test
    void reachesTheVocabularySizeWithRisingLikelihoodAndLoadsInHuggingFace() throws Exception {
        TrainerSettings settings = new TrainerSettings(2000, 0, SPECIALS, 0, List.of(), "", "",
                Map.of("unk_token", "<unk>"));
        Map<String, Long> words = WordCounter.count(BpeFamilyTrainerParityTest.sharedCorpus(),
                PipelineJson.of(null, UnigramTokenizerTrainer.USUAL_PIPELINE), (task, done, total) -> { });
        UnigramEm.Config config = UnigramTokenizerTrainer.config(settings);
        UnigramEm.Result result = UnigramEm.train(words, config, (task, done, total) -> { });
        UnigramModel model = result.model();

        assertEquals(2000, model.vocabularySize());
        assertEquals(2000, new HashSet<>(model.pieces().stream().map(ScoredPiece::piece).toList()).size());
        assertEquals("<pad>", model.pieces().get(0).piece());
        assertEquals(1, model.unkId());
        List<Double> likelihoods = result.likelihoods();
        System.out.println("Unigram EM log-likelihood per word, each E-step: " + likelihoods);
        for (int i = 1; i < likelihoods.size(); i += config.subIterations()) {
            assertTrue(likelihoods.get(i) > likelihoods.get(i - 1), "likelihood fell within EM round " + (i / 2)
                    + ": " + likelihoods);
        }

        Set<String> theirs = new HashSet<>();
        JsonNode reference = new ObjectMapper().readTree(SharedData.reference("trainers/unigram.json").toFile());
        JsonNode theirVocab = reference.get("model").get("vocab");
        theirVocab.forEach(p -> theirs.add(p.get(0).textValue()));
        long shared = model.pieces().stream().filter(p -> theirs.contains(p.piece())).count();
        int sameId = 0;
        double largestScoreDifference = 0;
        for (int id = 0; id < Math.min(theirVocab.size(), model.vocabularySize()); id++) {
            if (theirVocab.get(id).get(0).textValue().equals(model.pieces().get(id).piece())) {
                sameId++;
                largestScoreDifference = Math.max(largestScoreDifference,
                        Math.abs(theirVocab.get(id).get(1).doubleValue() - model.pieces().get(id).score()));
            }
        }
        System.out.printf("Unigram vocabulary: %d pieces, %d also in HuggingFace's %d (%.1f%%); %d at the same id,"
                + " their scores differing by at most %.2e%n", model.vocabularySize(), shared, theirs.size(),
                100.0 * shared / theirs.size(), sameId, largestScoreDifference);

        TrainingResult trained = new UnigramTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER)
                .train(BpeFamilyTrainerParityTest.sharedCorpus(), settings, null);
        // Training is deterministic: the same pieces in the same order; scores read back from the file as
        // HuggingFace reads decimals, which may differ from the trained double in the last bit.
        List<ScoredPiece> readBack = ((UnigramModel) ((PipelineTokenizer) trained.tokenizer()).pipeline().model())
                .pieces();
        assertEquals(model.pieces().stream().map(ScoredPiece::piece).toList(),
                readBack.stream().map(ScoredPiece::piece).toList());
        for (int i = 0; i < readBack.size(); i++) {
            assertEquals(model.pieces().get(i).score(), readBack.get(i).score(),
                    2 * Math.ulp(model.pieces().get(i).score()), readBack.get(i).piece());
        }
        Path file = temp.resolve("tokenizer.json");
        trained.save(file);
        List<String> lines = Files.readAllLines(SharedData.require("text/botchan_en.txt"));
        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(file, Map.of("truncation", "false"))) {
            for (String line : lines.subList(100, 160)) {
                assertEquals(Arrays.toString(hf.encode(line, true, false).getIds()),
                        Arrays.toString(Arrays.stream(trained.tokenizer().encode(line).ids()).asLongStream()
                                .toArray()), line);
            }
        }
    }

    @Test
    void vocabularySmallerThanTheAlphabetIsRejectedNamingTheCause() {
        TrainerSettings tiny = new TrainerSettings(5, 0, SPECIALS, 0, List.of(), "", "", Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new UnigramTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER)
                        .train(List.of("abcdef"), tiny, null));
        assertTrue(e.getMessage().contains("vocab_size 5") && e.getMessage().contains("alphabet"), e.getMessage());
    }

    @Test
    void emptyCorpusIsRejectedNamingTheCause() {
        TrainerSettings settings = new TrainerSettings(100, 0, SPECIALS, 0, List.of(), "", "", Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new UnigramTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER)
                        .train(List.of(), settings, null));
        assertTrue(e.getMessage().contains("corpus is empty"), e.getMessage());
    }
}
