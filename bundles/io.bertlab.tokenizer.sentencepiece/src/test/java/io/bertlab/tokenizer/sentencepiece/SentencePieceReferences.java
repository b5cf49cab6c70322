package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SentencePiece's own encodings of real text ({@code testdata/references/sentencepiece/<model>.jsonl}, made by
 * {@code SentencePieceProcessor.encode} on the shared {@code .model} files; see the references' README), with the
 * text lines they encode read back from {@code ../shared/data}.
 */
final class SentencePieceReferences {

    /**
     * One encoded line.
     *
     * @param source file and line number
     * @param text the line, without its line break
     * @param ids SentencePiece's ids
     * @param pieces SentencePiece's pieces
     */
    record Line(String source, String text, int[] ids, String[] pieces) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SentencePieceReferences() {
    }

    /**
     * The encoded lines for a model.
     *
     * @param model the model folder's name, e.g. {@code t5-small}
     * @return the lines in file order
     */
    static List<Line> of(String model) {
        Path file = SharedData.reference("sentencepiece/" + model + ".jsonl");
        Map<String, List<String>> texts = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        try {
            for (String json : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode record = JSON.readTree(json);
                String relative = record.get("file").asText();
                int number = record.get("line").asInt();
                List<String> fileLines = texts.computeIfAbsent(relative, SentencePieceReferences::lines);
                int[] ids = new int[record.get("ids").size()];
                String[] pieces = new String[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = record.get("ids").get(i).asInt();
                    pieces[i] = record.get("pieces").get(i).asText();
                }
                lines.add(new Line(relative + ":" + number, fileLines.get(number - 1), ids, pieces));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return lines;
    }

    /** The lines of a shared text file as Python's universal newlines read them. */
    private static List<String> lines(String relative) {
        Path file = SharedData.require(relative);
        try {
            return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
