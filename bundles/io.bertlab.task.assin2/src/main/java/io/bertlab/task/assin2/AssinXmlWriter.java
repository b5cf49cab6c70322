package io.bertlab.task.assin2;

import io.bertlab.api.glue.Prediction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes predictions in ASSIN's own XML layout, as its evaluation script ({@code assin-eval.py}) reads it: an
 * {@code <entailment-corpus>} of {@code <pair>} elements carrying {@code id} and the predicted attribute. That script
 * reads every pair's {@code <t>} and {@code <h>}, so each pair has them, empty; it matches pairs to the gold file by
 * position, so the predictions must be in the gold file's order.
 *
 * <p>The file is written to a temporary file beside it and moved into place, so a reader never sees half of it.
 */
final class AssinXmlWriter {

    private AssinXmlWriter() {
    }

    /**
     * Writes a submission.
     *
     * @param directory the folder, created when missing
     * @param fileName the file's name in it
     * @param predictions the predictions, in the gold file's order
     * @param attributes the attributes a prediction writes besides {@code id} (e.g. {@code similarity}); throws
     *        {@link IllegalArgumentException} for a prediction it cannot write
     * @return the file written
     * @throws IOException when it cannot be written
     * @throws IllegalArgumentException when a prediction has no id, one that is not a whole number, an id twice, or a
     *         value the task cannot write
     */
    static Path write(Path directory, String fileName, List<Prediction> predictions,
            Function<Prediction, Map<String, String>> attributes) throws IOException {
        // everything is checked before anything is written
        Set<String> ids = new HashSet<>();
        List<Map<String, String>> rows = new java.util.ArrayList<>(predictions.size());
        for (Prediction prediction : predictions) {
            if (prediction == null || prediction.id() == null) {
                throw new IllegalArgumentException("a prediction without an id at position " + rows.size());
            }
            if (!AssinXmlReader.isAssinId(prediction.id())) {
                throw new IllegalArgumentException("prediction id '" + prediction.id() + "' is not a whole number"
                        + " (ASSIN's evaluation reads ids as integers)");
            }
            if (!ids.add(prediction.id())) {
                throw new IllegalArgumentException("two predictions for id " + prediction.id());
            }
            // ASSIN's files order attributes by name (entailment, id, similarity), as ElementTree writes them
            Map<String, String> row = new TreeMap<>(attributes.apply(prediction));
            row.put(AssinXmlReader.ID, prediction.id());
            rows.add(row);
        }
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName);
        Path temporary = Files.createTempFile(directory, "." + fileName + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                write(out, rows);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private static void write(OutputStream out, List<Map<String, String>> rows) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out,
                    StandardCharsets.UTF_8.name());
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(AssinXmlReader.CORPUS);
            for (Map<String, String> row : rows) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement(AssinXmlReader.PAIR);
                for (Map.Entry<String, String> attribute : row.entrySet()) {
                    xml.writeAttribute(attribute.getKey(), attribute.getValue());
                }
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement(AssinXmlReader.TEXT);
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement(AssinXmlReader.HYPOTHESIS);
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the submission: " + e.getMessage(), e);
        }
    }
}
