package io.bertlab.pretrain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.bertlab.api.command.TextLines;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Pre-training instances as JSON lines (UTF-8, one object per line, unpadded), streamed both ways:
 *
 * <pre>
 * {"tokens":["[CLS]","the","[MASK]",...,"[SEP]"],"input_ids":[101,1996,103,...,102],
 *  "segment_ids":[0,0,0,...,1],"is_random_next":false,
 *  "masked_lm_positions":[2,...],"masked_lm_ids":[2158,...],"masked_lm_labels":["man",...]}
 * </pre>
 *
 * <p>{@code tokens}/{@code input_ids} are the inputs after masking; {@code masked_lm_positions} ascend and
 * {@code masked_lm_ids}/{@code masked_lm_labels} are the original tokens there; {@code is_random_next} is Google's
 * NSP label ({@code true} = NotNext, label 1). The fields are those of Google's {@code TrainingInstance}; reading
 * uses the id fields, the token strings are for people and other tools. Instances made by other sentence-level
 * tasks ({@code pretraining-data --tasks}) carry their labels by task name, {@code "labels":{"sop":1}}, and no
 * {@code is_random_next} unless the {@code nsp} task made them.
 */
public final class InstanceFiles {

    private static final JsonFactory JSON = new JsonFactory();

    private InstanceFiles() {
    }

    /**
     * Writes instances one line at a time. Each vocabulary token is JSON-escaped once, when first written, so a line
     * is only appends.
     */
    public static final class InstanceWriter implements Closeable {
        private final Writer out;
        private final Vocabulary vocabulary;
        private final String[] quoted;
        private final StringBuilder line = new StringBuilder(4096);
        private long written;

        /**
         * A writer.
         *
         * @param out where the lines go (closed with this writer)
         * @param vocabulary to spell the token strings
         */
        public InstanceWriter(Writer out, Vocabulary vocabulary) {
            this.out = out;
            this.vocabulary = vocabulary;
            this.quoted = new String[vocabulary.size()];
        }

        /**
         * Writes one instance as one line.
         *
         * @param instance the instance
         * @throws IOException when writing fails
         */
        public void write(TrainingInstance instance) throws IOException {
            line.setLength(0);
            line.append("{\"tokens\":");
            strings(instance.tokens());
            line.append(",\"input_ids\":");
            ints(instance.tokens());
            line.append(",\"segment_ids\":");
            ints(instance.segmentIds());
            Integer nextSentence = instance.labels().get(TrainingInstance.NEXT_SENTENCE);
            if (nextSentence != null) {
                line.append(",\"is_random_next\":").append(nextSentence == 1);
            }
            line.append(",\"masked_lm_positions\":");
            ints(instance.maskedPositions());
            line.append(",\"masked_lm_ids\":");
            ints(instance.maskedLabels());
            line.append(",\"masked_lm_labels\":");
            strings(instance.maskedLabels());
            labels(instance.labels());
            line.append("}\n");
            out.append(line);
            written++;
        }

        /** The labels of tasks other than next sentence prediction, as {@code "labels":{"sop":1}}. */
        private void labels(Map<String, Integer> labels) {
            boolean first = true;
            for (Map.Entry<String, Integer> label : labels.entrySet()) {
                if (label.getKey().equals(TrainingInstance.NEXT_SENTENCE)) {
                    continue;
                }
                line.append(first ? ",\"labels\":{" : ",").append('"')
                        .append(JsonStringEncoder.getInstance().quoteAsString(label.getKey())).append("\":")
                        .append(label.getValue());
                first = false;
            }
            if (!first) {
                line.append('}');
            }
        }

        private void ints(int[] values) {
            line.append('[');
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(values[i]);
            }
            line.append(']');
        }

        private void strings(int[] ids) {
            line.append('[');
            for (int i = 0; i < ids.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                String text = quoted[ids[i]];
                if (text == null) {
                    text = '"' + new String(JsonStringEncoder.getInstance().quoteAsString(vocabulary.token(ids[i])))
                            + '"';
                    quoted[ids[i]] = text;
                }
                line.append(text);
            }
            line.append(']');
        }

        /** @return the instances written */
        public long written() {
            return written;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * Opens a file for writing instances.
     *
     * @param file the file, replaced
     * @param vocabulary to spell the token strings
     * @return the writer
     * @throws IOException when the file cannot be created
     */
    public static InstanceWriter writer(Path file, Vocabulary vocabulary) throws IOException {
        return new InstanceWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), vocabulary);
    }

    /**
     * Streams the instances of a file, reading one line at a time; close the stream to close the file.
     *
     * @param file a file written by {@link #writer}
     * @return the instances in file order
     * @throws IOException when the file cannot be opened
     */
    public static Stream<TrainingInstance> read(Path file) throws IOException {
        // TextLines: invalid UTF-8 is reported with its line and byte offset, as every command's input is
        TextLines reader = TextLines.open(file);
        Iterator<TrainingInstance> lines = new Iterator<>() {
            private String next = advance();
            private long lineNumber = 1;

            private String advance() {
                try {
                    String line;
                    do {
                        line = reader.readLine();
                    } while (line != null && line.isBlank());
                    return line;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public TrainingInstance next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                TrainingInstance instance = parse(next, file, lineNumber++);
                next = advance();
                return instance;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED), false)
                .onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    /**
     * Parses one line.
     *
     * @param line the JSON object
     * @param file the file, for messages
     * @param lineNumber the line's number (of non-blank lines), for messages
     * @return the instance
     * @throws IllegalArgumentException naming the file and line when the line is not an instance
     */
    static TrainingInstance parse(String line, Path file, long lineNumber) {
        int[] ids = null;
        int[] segments = null;
        int[] positions = new int[0];
        int[] labels = new int[0];
        Map<String, Integer> taskLabels = new TreeMap<>();
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                switch (name) {
                    case "input_ids" -> ids = intArray(json);
                    case "segment_ids" -> segments = intArray(json);
                    case "masked_lm_positions" -> positions = intArray(json);
                    case "masked_lm_ids" -> labels = intArray(json);
                    case "is_random_next" -> taskLabels.put(TrainingInstance.NEXT_SENTENCE,
                            json.getBooleanValue() ? 1 : 0);
                    case "labels" -> readLabels(json, taskLabels);
                    default -> json.skipChildren();
                }
            }
            if (ids == null || segments == null) {
                throw new IOException("needs input_ids and segment_ids");
            }
            return new TrainingInstance(ids, segments, positions, labels, taskLabels);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": not a pre-training instance: "
                    + e.getMessage(), e);
        }
    }

    private static void readLabels(JsonParser json, Map<String, Integer> labels) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("'labels' must be an object of integer labels by task name");
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String task = json.currentName();
            if (json.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new IOException("the label of task '" + task + "' must be an integer");
            }
            labels.put(task, json.getIntValue());
        }
    }

    private static int[] intArray(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException("'" + json.currentName() + "' must be an array of integers");
        }
        int[] values = new int[16];
        int n = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = json.getIntValue();
        }
        return Arrays.copyOf(values, n);
    }
}
