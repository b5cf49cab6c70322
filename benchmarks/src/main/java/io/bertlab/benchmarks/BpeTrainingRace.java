package io.bertlab.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TrainerSettings;
import io.bertlab.api.tokenizer.TrainingResult;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.tokenizer.trainer.BpeTokenizerTrainer;
import io.bertlab.tokenizer.trainer.CorpusFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * BPE training time, bertlab against HF's trainer, on the same few MB of real text and the same settings (HF's
 * default BPE trainer: vocab_size 30000, min_frequency 0, no special tokens, Whitespace pre-tokenizer; both use every
 * core). JMH does not fit a multi-second, natively parallel peer, so both are timed the same simple way: the
 * training call alone (reading the files included, writing the result excluded), in rounds that alternate the two.
 * HF runs in a fresh Node process per round (its Rust code needs no warm-up); bertlab runs in this JVM, and its
 * first round, JIT warm-up included, is reported apart from the median of the others. Afterwards the two trained
 * vocabularies and merge lists are compared.
 *
 * <p>Run with {@code benchmarks/train-race [ROUNDS]}.
 */
public final class BpeTrainingRace {

    private static final List<String> CORPUS = List.of("text/botchan_en.txt", "text/dom_casmurro_pt.txt",
            "text/memorias_postumas_braz_cubas_pt.txt", "text/wikitext-2/wiki.test.tokens",
            "text/wikitext-2/wiki.valid.tokens");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BpeTrainingRace() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path script = Path.of(System.getProperty("bertlab.hf.script", "benchmarks/hf/train-bpe.js"));
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (String relative : CORPUS) {
            Path file = BenchmarkData.file(relative);
            files.add(file);
            bytes += Files.size(file);
        }
        System.out.printf("corpus: %d files, %.2f MB; %d cores; %d rounds%n", files.size(), bytes / 1e6,
                Runtime.getRuntime().availableProcessors(), rounds);
        Path work = Files.createTempDirectory("bpe-race");
        TokenizerLoader loader = (file, options) -> TokenizerFiles.load(file, options,
                ModelRegistry.discover(BpeTrainingRace.class.getClassLoader()));
        TrainerSettings settings = new TrainerSettings(30000, 0, List.of(), 0, List.of(), "", "", Map.of());
        double[] hf = new double[rounds];
        double[] bertlab = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            hf[round] = trainWithHuggingFace(script, work.resolve("hf.json"), files);
            long start = System.nanoTime();
            TrainingResult result = new BpeTokenizerTrainer(loader).train(new CorpusFiles(files), settings,
                    null);
            bertlab[round] = (System.nanoTime() - start) / 1e6;
            result.save(work.resolve("bertlab.json"));
            System.out.printf("round %d: hf %.0f ms, bertlab %.0f ms%n", round + 1, hf[round], bertlab[round]);
        }
        double hfMedian = median(hf);
        double warmMedian = median(Arrays.copyOfRange(bertlab, 1, rounds));
        System.out.printf("HF trainer: median %.0f ms%n", hfMedian);
        System.out.printf("bertlab: first round %.0f ms (%.2fx HF's median time), median of the others %.0f ms "
                + "(%.2fx); below 1 is faster than HF%n", bertlab[0], bertlab[0] / hfMedian, warmMedian,
                warmMedian / hfMedian);
        compare(work.resolve("hf.json"), work.resolve("bertlab.json"));
    }

    private static double trainWithHuggingFace(Path script, Path output, List<Path> files)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script.toString(), output.toString()));
        files.forEach(file -> command.add(file.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("HF's trainer failed: " + command + "\n" + out
                    + "\n(run `npm install` in benchmarks/hf first)");
        }
        String last = out.substring(out.lastIndexOf('\n') + 1);
        return JSON.readTree(last).get("train_ms").asDouble();
    }

    private static void compare(Path hfFile, Path bertlabFile) throws IOException {
        JsonNode hf = JSON.readTree(hfFile.toFile()).get("model");
        JsonNode ours = JSON.readTree(bertlabFile.toFile()).get("model");
        boolean sameVocab = hf.get("vocab").equals(ours.get("vocab"));
        boolean sameMerges = hf.get("merges").equals(ours.get("merges"));
        System.out.printf("trained output: vocabulary %s (%d vs %d entries), merges %s (%d vs %d)%n",
                sameVocab ? "identical" : "DIFFERENT", hf.get("vocab").size(), ours.get("vocab").size(),
                sameMerges ? "identical" : "DIFFERENT", hf.get("merges").size(), ours.get("merges").size());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
