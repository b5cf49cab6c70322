package io.bertlab.pretrain.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.model.bert.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's metrics as JSON lines ({@value #FILE}), one object per record, appended and flushed as they come:
 * {@code "kind":"train"} every {@code --log-steps} steps, {@code "kind":"eval"} after each held-out evaluation. Every
 * record has the {@code step} it was made after; {@link #keepUpTo} drops what an interrupted run wrote after its
 * last checkpoint, so that a resumed run's file reads as an uninterrupted one's.
 */
final class MetricsLog {

    static final String FILE = "metrics.jsonl";

    private static final ObjectWriter LINE = RunState.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    MetricsLog(Path folder) {
        this.file = folder.resolve(FILE);
    }

    Path file() {
        return file;
    }

    /** Appends one record as one line. */
    void append(ObjectNode record) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            out.write(LINE.writeValueAsString(record));
            out.write('\n');
        }
    }

    /** The records so far; a line that is not JSON (the last one, cut by a crash) ends the list. */
    List<JsonNode> read() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines()) {
            records.add(RunState.JSON.readTree(line));
        }
        return records;
    }

    /** The lines that hold a record, as written. */
    private List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    RunState.JSON.readTree(line);
                } catch (IOException cut) {
                    break;
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Keeps the records made up to a step (a checkpoint's), atomically rewriting the file.
     *
     * @param step the last step to keep
     */
    void keepUpTo(long step) throws IOException {
        StringBuilder kept = new StringBuilder();
        for (String line : lines()) {
            if (RunState.JSON.readTree(line).path("step").asLong(Long.MAX_VALUE) <= step) {
                kept.append(line).append('\n');
            }
        }
        byte[] bytes = kept.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }
}
