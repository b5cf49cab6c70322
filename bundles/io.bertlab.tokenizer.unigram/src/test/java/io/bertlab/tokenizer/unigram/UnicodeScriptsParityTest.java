package io.bertlab.tokenizer.unigram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.tokenizer.core.pretokenizer.SentencePieceScripts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * bertlab's {@code UnicodeScripts} pre-tokenizer against HuggingFace's over every Unicode scalar value. Code points
 * are grouped by bertlab's script; each word of the only-unknown Unigram model is one token spanning it, so equal
 * encodings mean equal word boundaries. Three checks cover the whole table: every code point without a script
 * forms no word in HuggingFace either (text of only those is dropped), each group's code points after one
 * representative stay one word (HuggingFace sees one script), the representatives of all groups in a row split
 * into one word each (HuggingFace tells the groups apart), and every code point with a script between letters of
 * another script is a word of its own (it has a script in HuggingFace too).
 */
class UnicodeScriptsParityTest {

    private static final int CHUNK = 4096;
    private static final int MAX_SHOWN = 10;

    @Test
    void everyCodePointHasHuggingFacesScript() throws Exception {
        String json = MinimalTokenizerJson.with("{\"type\": \"UnicodeScripts\"}", null);
        Tokenizer ours = TokenizerFiles.fromJson(json, ModelRegistry.of(new UnigramModelFactory()));
        TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                groups.computeIfAbsent(SentencePieceScripts.of(c), script -> new ArrayList<>()).add(c);
            }
        }
        List<String> mismatches = new ArrayList<>();
        int texts = 0;
        try (HuggingFaceReference theirs = HuggingFaceReference.fromJson(json)) {
            StringBuilder representatives = new StringBuilder();
            for (var group : groups.entrySet()) {
                List<Integer> members = group.getValue();
                boolean noScript = group.getKey() == SentencePieceScripts.ANY;
                for (int from = 0; from < members.size(); from += CHUNK) {
                    StringBuilder text = new StringBuilder();
                    if (!noScript) {
                        text.appendCodePoint(members.get(0));
                    }
                    members.subList(from, Math.min(members.size(), from + CHUNK)).forEach(text::appendCodePoint);
                    texts++;
                    compare(ours, theirs, text.toString(), mismatches);
                }
                if (!noScript) {
                    representatives.appendCodePoint(members.get(0));
                }
            }
            texts++;
            compare(ours, theirs, representatives.toString(), mismatches);
            texts += alternateWithOtherScripts(ours, theirs, groups, mismatches);
        }
        System.out.printf("UnicodeScripts parity: %d script groups, %d texts covering every code point, %d"
                + " mismatches%n", groups.size(), texts, mismatches.size());
        assertEquals(List.of(), mismatches.subList(0, Math.min(MAX_SHOWN, mismatches.size())),
                mismatches.size() + " texts differ from HuggingFace");
    }

    /**
     * Every code point between two letters of another script ({@code a}, or {@code 0} for Latin): one word each in
     * HuggingFace too, so none of them lacks a script there (it would join the word before).
     */
    private static int alternateWithOtherScripts(Tokenizer ours, HuggingFaceReference theirs,
            TreeMap<Integer, List<Integer>> groups, List<String> mismatches) {
        int texts = 0;
        int latin = SentencePieceScripts.of('a');
        for (var group : groups.entrySet()) {
            if (group.getKey() == SentencePieceScripts.ANY) {
                continue;
            }
            char other = group.getKey() == latin ? '0' : 'a';
            List<Integer> members = group.getValue();
            for (int from = 0; from < members.size(); from += CHUNK) {
                StringBuilder text = new StringBuilder();
                members.subList(from, Math.min(members.size(), from + CHUNK))
                        .forEach(c -> text.append(other).appendCodePoint(c));
                texts++;
                compare(ours, theirs, text.toString(), mismatches);
            }
        }
        return texts;
    }

    private static void compare(Tokenizer ours, HuggingFaceReference theirs, String text,
            List<String> mismatches) {
        String difference = EncodingDifference.of(ours.encode(text), theirs.encode(text));
        if (difference != null) {
            mismatches.add("text of code points " + hex(text.codePoints().limit(8).toArray()) + "...: "
                    + difference.replaceAll("tokens \\[.*", ""));
        }
    }

    private static String hex(int[] codePoints) {
        return Arrays.stream(codePoints).mapToObj(c -> String.format("U+%04X", c)).toList().toString();
    }
}
