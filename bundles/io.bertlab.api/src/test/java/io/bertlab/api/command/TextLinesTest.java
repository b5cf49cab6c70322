package io.bertlab.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {

    @TempDir
    Path temp;

    @Test
    void readsUtf8LinesWithoutTheirEndings() throws Exception {
        Path file = temp.resolve("texts.txt");
        Files.writeString(file, "Quero um cart\u00e3o\r\n\ncaf\u00e9 \u2615 \ud834\udd1e\nno final newline",
                StandardCharsets.UTF_8);
        assertEquals(List.of("Quero um cart\u00e3o", "", "caf\u00e9 \u2615 \ud834\udd1e", "no final newline"),
                TextLines.readAll(file));
    }

    @Test
    void readsAWholeFileAsText() throws Exception {
        Path file = Files.writeString(temp.resolve("vocab.txt"), "[PAD]\r\ncart\u00e3o\n##s", StandardCharsets.UTF_8);
        assertEquals("[PAD]\r\ncart\u00e3o\n##s", TextLines.readText(file));
    }

    @Test
    void bytesReadReachTheEndOfTheLineLastReturned() throws Exception {
        // "cartão\r\n" is 9 bytes (ã takes two), "☕\n" 4, "end" 3
        try (TextLines lines = TextLines.of(stream("cart\u00e3o\r\n\u2615\nend"), "stdin")) {
            assertEquals(0, lines.bytesRead());
            lines.readLine();
            assertEquals(9, lines.bytesRead());
            lines.readLineWithEnding();
            assertEquals(13, lines.bytesRead());
            lines.readLine();
            assertEquals(16, lines.bytesRead());
        }
    }

    @Test
    void keepsEndingsWhenAsked() throws Exception {
        try (TextLines lines = TextLines.of(stream("a\r\nb\nc"), "stdin")) {
            assertEquals("a\r\n", lines.readLineWithEnding());
            assertEquals("b\n", lines.readLineWithEnding());
            assertEquals("c", lines.readLineWithEnding());
            assertNull(lines.readLineWithEnding());
        }
    }

    @Test
    void invalidBytesAreReportedWithSourceLineAndByteOffset() throws Exception {
        Path file = temp.resolve("bad.txt");
        // "line one\n" is 9 bytes, "line two\n" 9 more; 0xC3 0x28 is a broken two-byte sequence at offset 18 + 6
        Files.write(file, bytes("line one\nline two\nthird ", new byte[] {(byte) 0xC3, 0x28}, " bad\n"));
        MalformedTextException e = assertThrows(MalformedTextException.class, () -> TextLines.readAll(file));
        assertEquals(file + ": line 3, byte offset 24: invalid UTF-8 (0xC3)", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(24, e.byteOffset());
    }

    @Test
    void offsetsCountFromTheStartOfTheSourceAcrossReadChunks() throws Exception {
        String line = "x".repeat(99) + "\n";
        byte[] bytes = bytes(line.repeat(2000), new byte[] {(byte) 0xFF}, "\n");
        MalformedTextException e = assertThrows(MalformedTextException.class,
                () -> TextLines.of(stream(bytes), TextLines.STANDARD_INPUT).readAll());
        assertEquals("standard input: line 2001, byte offset 200000: invalid UTF-8 (0xFF)", e.getMessage());
    }

    @Test
    void withoutReadAheadLeavesTheRestOfTheStreamToTheNextReader() throws Exception {
        InputStream in = stream("first\nsecond\n");
        TextLines lines = TextLines.withoutReadAhead(in, "console");
        assertEquals("first", lines.readLine());
        assertEquals("second\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void readingGoesOnAfterAnInvalidLine() throws Exception {
        try (TextLines lines = TextLines.of(new ByteArrayInputStream(bytes("a\n", new byte[] {(byte) 0x80}, "\nc\n")),
                "stdin")) {
            assertEquals("a", lines.readLine());
            assertThrows(MalformedTextException.class, lines::readLine);
            assertEquals("c", lines.readLine());
            assertEquals(3, lines.lineNumber());
        }
    }

    @Test
    void anEmptySourceHasNoLines() throws Exception {
        assertEquals(List.of(), TextLines.of(stream(""), "empty").readAll());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
