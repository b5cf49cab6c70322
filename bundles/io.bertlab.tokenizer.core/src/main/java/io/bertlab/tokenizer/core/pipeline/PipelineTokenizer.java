package io.bertlab.tokenizer.core.pipeline;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.tokenizer.core.encoding.EncodingBuffer;
import io.bertlab.tokenizer.core.processor.TokenTrimming;
import io.bertlab.tokenizer.core.spi.AddedToken;
import io.bertlab.tokenizer.core.spi.TokenSink;
import io.bertlab.tokenizer.core.spi.TokenizerModel;
import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * bertlab's {@link Tokenizer}: HuggingFace's pipeline (added tokens, normalizer, pre-tokenizer, model,
 * truncation, post-processor, padding; decoder back). Immutable and thread-safe.
 */
public final class PipelineTokenizer implements Tokenizer {

    private final Pipeline pipeline;
    private final EncodeOptions defaults;
    private final Truncator truncator;
    /** The post-processor's trimming, done as tokens are made; null when it has none. */
    private final TokenTrimming trimming;
    private volatile Map<String, Integer> vocabulary;

    /**
     * A tokenizer.
     *
     * @param pipeline its components
     * @param defaults the settings of its file
     */
    public PipelineTokenizer(Pipeline pipeline, EncodeOptions defaults) {
        this.pipeline = pipeline;
        this.defaults = defaults;
        this.truncator = new Truncator();
        this.trimming = pipeline.postProcessor() == null ? null : pipeline.postProcessor().tokenTrimming();
    }

    /**
     * The components.
     *
     * @return the pipeline
     */
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public EncodeOptions defaults() {
        return defaults;
    }

    @Override
    public Encoding encode(String text, EncodeOptions options) {
        EncodingBuffer encoding = encodeInput(text, null, options);
        options.padding().ifPresent(p -> pad(List.of(encoding), p));
        return encoding.toEncoding();
    }

    @Override
    public Encoding encodePair(String first, String second, EncodeOptions options) {
        EncodingBuffer encoding = encodeInput(first, second, options);
        options.padding().ifPresent(p -> pad(List.of(encoding), p));
        return encoding.toEncoding();
    }

    @Override
    public List<Encoding> encodeBatch(List<String> texts, EncodeOptions options) {
        List<EncodingBuffer> buffers = new ArrayList<>(texts.size());
        for (String text : texts) {
            buffers.add(encodeInput(text, null, options));
        }
        return finishBatch(buffers, options);
    }

    @Override
    public List<Encoding> encodePairBatch(List<List<String>> pairs, EncodeOptions options) {
        List<EncodingBuffer> buffers = new ArrayList<>(pairs.size());
        for (List<String> pair : pairs) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("a pair needs exactly two texts, got " + pair.size());
            }
            buffers.add(encodeInput(pair.get(0), pair.get(1), options));
        }
        return finishBatch(buffers, options);
    }

    private static List<Encoding> finishBatch(List<EncodingBuffer> buffers, EncodeOptions options) {
        options.padding().ifPresent(p -> pad(buffers, p));
        List<Encoding> result = new ArrayList<>(buffers.size());
        for (EncodingBuffer buffer : buffers) {
            result.add(buffer.toEncoding());
        }
        return result;
    }

    private static void pad(List<EncodingBuffer> encodings, Padding padding) {
        int length = padding.length();
        if (padding.strategy() == PaddingStrategy.LONGEST) {
            length = 0;
            for (EncodingBuffer e : encodings) {
                length = Math.max(length, e.length());
            }
        }
        int multiple = padding.padToMultipleOf();
        if (multiple > 0 && length % multiple != 0) {
            length += multiple - length % multiple;
        }
        for (EncodingBuffer e : encodings) {
            e.pad(length, padding.padId(), padding.padTypeId(), padding.padToken(), padding.direction());
        }
    }

    private EncodingBuffer encodeInput(String first, String second, EncodeOptions options) {
        EncodingBuffer a = encodeSequence(first, 0);
        EncodingBuffer b = second == null ? null : encodeSequence(second, 1);
        boolean add = options.addSpecialTokens();
        if (options.truncation().isPresent()) {
            Truncation t = options.truncation().get();
            int added = add && pipeline.postProcessor() != null ? pipeline.postProcessor().addedTokens(b != null) : 0;
            truncator.truncate(a, b, new Truncation(t.strategy(), Math.max(0, t.maxLength() - added), t.stride(),
                    t.direction()));
        }
        List<EncodingBuffer> sequences = new ArrayList<>(2);
        sequences.add(a);
        if (b != null) {
            sequences.add(b);
        }
        List<EncodingBuffer> pieces = pipeline.postProcessor() == null ? sequences
                : trimming != null ? pipeline.postProcessor().processTrimmed(sequences, add)
                : pipeline.postProcessor().process(sequences, add);
        if (pieces.size() == 1) {
            return pieces.get(0);
        }
        EncodingBuffer merged = new EncodingBuffer(64);
        for (EncodingBuffer piece : pieces) {
            merged.mergeWith(piece);
        }
        return merged;
    }

    /**
     * Encodes one text without post-processing: added tokens, normalizer, pre-tokenizer, model (and the
     * post-processor's {@link TokenTrimming}, when it has one).
     *
     * @param text the text
     * @param sequenceId 0 for the first text of an input, 1 for the second (also its type id)
     * @return the tokens
     */
    EncodingBuffer encodeSequence(String text, int sequenceId) {
        NormalizedText input = NormalizedText.of(text);
        // Room for a token per four code points (English needs about that, denser texts grow the buffer) and for
        // the special tokens to come, one of them in front: RobertaProcessing puts its first token there without
        // moving the others.
        EncodingBuffer out = new EncodingBuffer(input.length() / 4 + 6, 1);
        SequenceEncoder encoder = new SequenceEncoder(out, sequenceId);
        pipeline.addedVocabulary().splitRaw(input, (piece, token) -> {
            if (token != null) {
                encoder.addedToken(piece, token);
                return;
            }
            NormalizedText normalized = pipeline.normalizer() == null ? piece : pipeline.normalizer().normalize(piece);
            pipeline.addedVocabulary().splitNormalized(normalized, (part, normalizedToken) -> {
                if (normalizedToken != null) {
                    encoder.addedToken(part, normalizedToken);
                } else if (!part.isEmpty()) {
                    encoder.words(part);
                }
            });
        });
        return out;
    }

    /**
     * Tokenizes the words of one sequence into a buffer, counting words as HuggingFace's splits. It is the model's
     * sink for the word at hand: a token takes its text from the vocabulary, or from the word where the model says
     * so (the only case that builds a string). Offsets are trimmed here when the post-processor trims token by token.
     */
    private final class SequenceEncoder implements TokenSink {
        private final EncodingBuffer out;
        private final int sequenceId;
        private final List<NormalizedText> words = new ArrayList<>();
        private int wordIndex;
        private NormalizedText word;
        private int wordId;

        SequenceEncoder(EncodingBuffer out, int sequenceId) {
            this.out = out;
            this.sequenceId = sequenceId;
        }

        void addedToken(NormalizedText piece, AddedToken token) {
            int start = piece.originalStart(0);
            int end = piece.originalEnd(piece.length() - 1);
            if (trimming != null) {
                long trimmed = trimming.token(token.content(), start, end);
                start = TokenTrimming.start(trimmed);
                end = TokenTrimming.end(trimmed);
            }
            out.add(token.id(), token.content(), sequenceId, start, end, wordIndex++, 0, sequenceId);
        }

        void words(NormalizedText piece) {
            words.clear();
            if (pipeline.preTokenizer() == null) {
                words.add(piece);
            } else {
                pipeline.preTokenizer().split(piece, words);
            }
            TokenizerModel model = pipeline.model();
            for (NormalizedText w : words) {
                word = w;
                wordId = wordIndex++;
                model.tokenize(w.array(), w.arrayOffset(), w.length(), this);
            }
            word = null;
        }

        @Override
        public void token(int id, int start, int end) {
            add(id, pipeline.model().idToToken(id), start, end, true);
        }

        @Override
        public void tokenWithWordText(int id, int start, int end) {
            add(id, new String(word.array(), word.arrayOffset() + start, end - start), start, end, false);
        }

        private void add(int id, String token, int start, int end, boolean vocabularyText) {
            int from = word.originalStart(start);
            int to = word.originalEnd(end - 1);
            if (trimming != null) {
                long trimmed = vocabularyText ? trimming.vocabularyToken(id, token, from, to)
                        : trimming.token(token, from, to);
                from = TokenTrimming.start(trimmed);
                to = TokenTrimming.end(trimmed);
            }
            out.add(id, token, sequenceId, from, to, wordId, 0, sequenceId);
        }
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            AddedToken added = pipeline.addedVocabulary().byId(id);
            String token = added != null ? added.content() : pipeline.model().idToToken(id);
            if (token == null) {
                continue;
            }
            AddedToken special = pipeline.addedVocabulary().byContent(token);
            if (skipSpecialTokens && special != null && special.special()) {
                continue;
            }
            tokens.add(token);
        }
        if (pipeline.decoder() == null) {
            return String.join(" ", tokens);
        }
        return String.join("", pipeline.decoder().decodeChain(tokens));
    }

    @Override
    public int vocabularySize() {
        return vocabulary().size();
    }

    @Override
    public OptionalInt tokenToId(String token) {
        AddedToken added = pipeline.addedVocabulary().byContent(token);
        return added != null ? OptionalInt.of(added.id()) : pipeline.model().tokenToId(token);
    }

    @Override
    public Optional<String> idToToken(int id) {
        AddedToken added = pipeline.addedVocabulary().byId(id);
        return Optional.ofNullable(added != null ? added.content() : pipeline.model().idToToken(id));
    }

    @Override
    public Map<String, Integer> vocabulary() {
        Map<String, Integer> v = vocabulary;
        if (v == null) {
            Map<String, Integer> all = new HashMap<>(pipeline.model().vocabulary());
            for (AddedToken token : pipeline.addedVocabulary().tokens()) {
                all.put(token.content(), token.id());
            }
            v = Collections.unmodifiableMap(all);
            vocabulary = v;
        }
        return v;
    }
}
