package io.bertlab.tokenizer.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the bundle's Unicode data resources: ASCII lines of space-separated fields, {@code #} comments. They hold
 * the Unicode data of the versions HuggingFace was built with, where Java's own differs.
 */
public final class UnicodeDataFile {

    private static final Pattern FIELD_SEPARATOR = Pattern.compile(" +");

    private UnicodeDataFile() {
    }

    /**
     * The fields of each data line of a resource.
     *
     * @param owner the class beside which the resource lies
     * @param resource the file name
     * @return the lines' fields, in order
     * @throws IllegalStateException when the resource is missing or unreadable
     */
    public static List<String[]> read(Class<?> owner, String resource) {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + owner.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(FIELD_SEPARATOR.split(line.trim()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
