package io.bertlab.task.assin2;

import io.bertlab.api.glue.RowProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ASSIN XML file ({@code <entailment-corpus>} of {@code <pair id=".." entailment=".." similarity="..">}
 * elements, each with a {@code <t>} and an {@code <h>}), the one reader behind both ASSIN 2 tasks.
 *
 * <p>It checks what every task needs (an id, a text and a hypothesis) and leaves the label attributes as text for
 * the task that reads them. A pair that fails a check becomes a {@link RowProblem}; a file that is not well-formed
 * XML fails as a whole with an {@link IOException} naming the file, line and column. DTDs (and with them external
 * entities) are refused.
 */
final class AssinXmlReader {

    /** The root element. */
    static final String CORPUS = "entailment-corpus";
    /** A pair element. */
    static final String PAIR = "pair";
    /** The pair's id attribute. */
    static final String ID = "id";
    /** The text element. */
    static final String TEXT = "t";
    /** The hypothesis element. */
    static final String HYPOTHESIS = "h";

    /** ASSIN's evaluation script reads ids with Python's {@code int()}. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]+");

    /**
     * A pair that has an id, a text and a hypothesis.
     *
     * @param id the {@code id} attribute
     * @param t the text of {@code <t>}
     * @param h the text of {@code <h>}
     * @param attributes all attributes of the {@code <pair>} element, by local name
     * @param line the line of the {@code <pair>} start tag
     */
    record Pair(String id, String t, String h, Map<String, String> attributes, long line) {

        Pair {
            attributes = Map.copyOf(attributes);
        }

        /**
         * An attribute's value.
         *
         * @param name its local name
         * @return the value, or {@code null} when the pair has no such attribute
         */
        String attribute(String name) {
            return attributes.get(name);
        }
    }

    /**
     * What a file held.
     *
     * @param file the file read
     * @param pairs the good pairs, in file order
     * @param problems the pairs that were not good, in file order
     */
    record Corpus(Path file, List<Pair> pairs, List<RowProblem> problems) {

        Corpus {
            pairs = List.copyOf(pairs);
            problems = List.copyOf(problems);
        }
    }

    private AssinXmlReader() {
    }

    /**
     * Whether a text is an id as ASSIN's files have them.
     *
     * @param id the text
     * @return whether it is a whole number
     */
    static boolean isAssinId(String id) {
        return WHOLE_NUMBER.matcher(id).matches();
    }

    /**
     * Reads a file.
     *
     * @param file an ASSIN XML file, which must exist
     * @return its pairs and problems
     * @throws IOException when it cannot be read, is not well-formed XML, declares a DTD or has another root
     */
    static Corpus read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = null;
            try {
                xml = factory().createXMLStreamReader(in);
                return new Parse(file, xml).corpus();
            } catch (XMLStreamException e) {
                throw malformed(file, e, xml);
            } finally {
                if (xml != null) {
                    try {
                        xml.close();
                    } catch (XMLStreamException ignored) {
                        // the stream is closed with it
                    }
                }
            }
        }
    }

    /**
     * The JDK's own StAX implementation (not whatever a context class loader finds), with DTDs and external entities
     * off.
     */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        return factory;
    }

    private static IOException malformed(Path file, XMLStreamException e, XMLStreamReader xml) {
        Location location = e.getLocation();
        if (location == null && xml != null) {
            location = xml.getLocation();
        }
        String where = location == null ? "" : ":" + location.getLineNumber() + ":" + location.getColumnNumber();
        String prefix = location == null ? "" : " (line " + location.getLineNumber() + ", column "
                + location.getColumnNumber() + ")";
        return new IOException(file + where + ": not well-formed XML" + prefix + ": " + parserMessage(e), e);
    }

    /** The JDK's message without its "ParseError at [row,col]:[..]" preamble, which the caller already gives. */
    private static String parserMessage(XMLStreamException e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static IOException refused(Path file, Location location, String what) {
        return new IOException(file + ":" + location.getLineNumber() + ":" + location.getColumnNumber() + ": "
                + what);
    }

    /** One pass over one file. */
    private static final class Parse {

        private final Path file;
        private final XMLStreamReader xml;
        private final List<Pair> pairs = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private final Map<String, Long> idLines = new HashMap<>();

        Parse(Path file, XMLStreamReader xml) {
            this.file = file;
            this.xml = xml;
        }

        Corpus corpus() throws XMLStreamException, IOException {
            root();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (PAIR.equals(xml.getLocalName())) {
                        pair();
                    } else {
                        problems.add(new RowProblem(file, line(), "element", "unexpected <" + xml.getLocalName()
                                + "> in <" + CORPUS + ">, expected <" + PAIR + ">; skipped"));
                        skipElement();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
            }
            // read to the end so that anything malformed after the root still fails the file
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.DTD) {
                    throw refused(file, xml.getLocation(), "DTDs are not allowed in ASSIN files");
                }
            }
            return new Corpus(file, pairs, problems);
        }

        private void root() throws XMLStreamException, IOException {
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw refused(file, xml.getLocation(), "DTDs are not allowed in ASSIN files");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!CORPUS.equals(xml.getLocalName())) {
                        throw refused(file, xml.getLocation(), "the root element is <" + xml.getLocalName()
                                + ">, expected <" + CORPUS + ">");
                    }
                    return;
                }
            }
        }

        private void pair() throws XMLStreamException {
            long line = line();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
            Map<String, Text> texts = new HashMap<>();
            List<String> repeated = new ArrayList<>();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (TEXT.equals(name) || HYPOTHESIS.equals(name)) {
                        Text text = text();
                        if (texts.putIfAbsent(name, text) != null) {
                            repeated.add(name);
                        }
                    } else {
                        skipElement();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
            }
            List<String[]> wrong = new ArrayList<>();
            String id = attributes.get(ID);
            if (id == null) {
                wrong.add(new String[] {ID, "missing attribute " + ID});
            } else if (!isAssinId(id)) {
                wrong.add(new String[] {ID, "id '" + id + "' is not a whole number (ASSIN's evaluation reads ids"
                        + " as integers)"});
            } else if (idLines.containsKey(id)) {
                wrong.add(new String[] {ID, "duplicate id " + id + ", first at line " + idLines.get(id)});
            } else {
                idLines.put(id, line);
            }
            check(TEXT, texts.get(TEXT), repeated, wrong);
            check(HYPOTHESIS, texts.get(HYPOTHESIS), repeated, wrong);
            if (wrong.isEmpty()) {
                pairs.add(new Pair(id, texts.get(TEXT).value(), texts.get(HYPOTHESIS).value(), attributes, line));
                return;
            }
            StringBuilder message = new StringBuilder(wrong.get(0)[1]);
            for (int i = 1; i < wrong.size(); i++) {
                message.append(i == 1 ? " (also: " : "; ").append(wrong.get(i)[0]).append(": ")
                        .append(wrong.get(i)[1]);
            }
            if (wrong.size() > 1) {
                message.append(')');
            }
            problems.add(new RowProblem(file, line, wrong.get(0)[0], message + pairName(id)));
        }

        private static String pairName(String id) {
            return id == null ? "" : " [pair id " + id + "]";
        }

        private static void check(String name, Text text, List<String> repeated, List<String[]> wrong) {
            if (text == null) {
                wrong.add(new String[] {name, "missing <" + name + "> element"});
            } else if (repeated.contains(name)) {
                wrong.add(new String[] {name, "more than one <" + name + "> element"});
            } else if (text.nested() != null) {
                wrong.add(new String[] {name, "<" + name + "> holds an element <" + text.nested()
                        + ">, expected text only"});
            } else if (text.value().isBlank()) {
                wrong.add(new String[] {name, "<" + name + "> is empty"});
            }
        }

        /** The text of the current element, whose start tag was just read; ends on its end tag. */
        private Text text() throws XMLStreamException {
            StringBuilder value = new StringBuilder();
            String nested = null;
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                            XMLStreamConstants.ENTITY_REFERENCE -> value.append(xml.getText());
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (nested == null) {
                            nested = xml.getLocalName();
                        }
                        skipElement();
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return new Text(value.toString(), nested);
                    }
                    default -> {
                        // comments and processing instructions
                    }
                }
            }
        }

        /** Skips the current element, whose start tag was just read, through its end tag. */
        private void skipElement() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private long line() {
            return xml.getLocation().getLineNumber();
        }
    }

    /**
     * An element's text.
     *
     * @param value the characters
     * @param nested the first child element's name, or {@code null} when it held text only
     */
    private record Text(String value, String nested) {
    }
}
