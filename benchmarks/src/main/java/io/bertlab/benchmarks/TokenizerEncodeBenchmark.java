package io.bertlab.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.modality.nlp.DefaultVocabulary;
import ai.djl.modality.nlp.Vocabulary;
import ai.djl.modality.nlp.bert.BertFullTokenizer;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encode throughput on real English and Portuguese text, single thread: bertlab against HF {@code tokenizers}
 * (Rust, through DJL) and, for WordPiece, DJL's pure-Java {@code BertFullTokenizer}. WordPiece: bert-base-uncased;
 * byte-level BPE: gpt2, roberta-base; Unigram with SentencePiece's normalizer: t5-small, xlnet-base-cased. The {@code bytes} counter is
 * UTF-8 input per second: divide by 1e6 for MB/s. One operation encodes every line of the text once, with special
 * tokens, no truncation or padding.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TokenizerEncodeBenchmark {

    /** Input bytes consumed, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        /** UTF-8 bytes encoded. */
        public long bytes;
    }

    /** Tokenizer folder and implementation; BertFullTokenizer exists for WordPiece only. */
    @Param({"bert-base-uncased/bertlab", "bert-base-uncased/hf-djl", "bert-base-uncased/djl-bert-full",
        "gpt2/bertlab", "gpt2/hf-djl", "roberta-base/bertlab", "roberta-base/hf-djl",
        "t5-small/bertlab", "t5-small/hf-djl", "xlnet-base-cased/bertlab", "xlnet-base-cased/hf-djl"})
    public String tokenizerAndImplementation;

    @Param({"text/botchan_en.txt", "text/dom_casmurro_pt.txt"})
    public String text;

    private String tokenizer;
    private String implementation;

    private List<String> lines;
    private long lineBytes;
    private Tokenizer bertlab;
    private HuggingFaceTokenizer huggingFace;
    private BertFullTokenizer bertFull;
    private Vocabulary vocabulary;

    @Setup(Level.Trial)
    public void load() throws Exception {
        tokenizer = tokenizerAndImplementation.substring(0, tokenizerAndImplementation.indexOf('/'));
        implementation = tokenizerAndImplementation.substring(tokenizerAndImplementation.indexOf('/') + 1);
        lines = BenchmarkData.lines(text);
        lineBytes = BenchmarkData.utf8Bytes(lines);
        Path directory = BenchmarkData.file("tokenizers/" + tokenizer);
        switch (implementation) {
            case "bertlab":
                bertlab = TokenizerFiles.load(directory.resolve("tokenizer.json"), Map.of(),
                        ModelRegistry.discover(getClass().getClassLoader()));
                break;
            case "hf-djl":
                huggingFace = HuggingFaceTokenizer.newInstance(directory.resolve("tokenizer.json"),
                        Map.of("truncation", "false", "padding", "false"));
                break;
            case "djl-bert-full":
                vocabulary = DefaultVocabulary.builder().addFromTextFile(directory.resolve("vocab.txt"))
                        .optUnknownToken("[UNK]").build();
                bertFull = new BertFullTokenizer(vocabulary, tokenizer.contains("uncased"));
                break;
            default:
                throw new IllegalArgumentException(implementation);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        if (huggingFace != null) {
            huggingFace.close();
        }
    }

    @Benchmark
    public void encode(Bytes bytes, Blackhole sink) {
        for (String line : lines) {
            switch (implementation) {
                case "bertlab":
                    sink.consume(bertlab.encode(line).ids());
                    break;
                case "hf-djl":
                    sink.consume(huggingFace.encode(line).getIds());
                    break;
                default:
                    List<String> tokens = bertFull.tokenize(line);
                    long[] ids = new long[tokens.size()];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = vocabulary.getIndex(tokens.get(i));
                    }
                    sink.consume(ids);
            }
        }
        bytes.bytes += lineBytes;
    }
}
