package io.bertlab.tokenizer.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Short, distinct labels for the tokenizers of one comparison. A configured tokenizer is labelled with its name;
 * a file with its folder and name ({@code bert-base-uncased/vocab.txt}), since the file name alone is nearly always
 * {@code tokenizer.json} or {@code vocab.txt}; more of the path is added only where two labels would clash.
 */
final class TokenizerLabels {

    private static final int FILE_ELEMENTS = 2;

    private TokenizerLabels() {
    }

    static List<String> of(List<ResolvedTokenizer> tokenizers) {
        int[] elements = new int[tokenizers.size()];
        Arrays.fill(elements, FILE_ELEMENTS);
        List<String> labels = labels(tokenizers, elements);
        boolean lengthened = true;
        while (lengthened) {
            lengthened = false;
            for (int i = 0; i < tokenizers.size(); i++) {
                Path file = tokenizers.get(i).file().orElse(null);
                if (file != null && elements[i] < file.getNameCount() && clashes(i, tokenizers, labels)) {
                    elements[i]++;
                    lengthened = true;
                }
            }
            labels = labels(tokenizers, elements);
        }
        return numberRepeats(labels);
    }

    /** Whether another tokenizer, from another file or name, has the same label. */
    private static boolean clashes(int i, List<ResolvedTokenizer> tokenizers, List<String> labels) {
        for (int j = 0; j < tokenizers.size(); j++) {
            if (j != i && labels.get(j).equals(labels.get(i)) && !source(tokenizers.get(j)).equals(
                    source(tokenizers.get(i)))) {
                return true;
            }
        }
        return false;
    }

    private static String source(ResolvedTokenizer tokenizer) {
        return tokenizer.file().map(Path::toString).orElse(tokenizer.argument());
    }

    private static List<String> labels(List<ResolvedTokenizer> tokenizers, int[] elements) {
        List<String> labels = new ArrayList<>(tokenizers.size());
        for (int i = 0; i < tokenizers.size(); i++) {
            ResolvedTokenizer tokenizer = tokenizers.get(i);
            int kept = elements[i];
            labels.add(tokenizer.file().map(file -> tail(file, kept)).orElse(tokenizer.argument()));
        }
        return labels;
    }

    private static String tail(Path file, int elements) {
        int count = file.getNameCount();
        return elements >= count ? file.toString() : file.subpath(count - elements, count).toString();
    }

    /** The same tokenizer given twice keeps its label, numbered from its second time on, as do clashes left. */
    private static List<String> numberRepeats(List<String> labels) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> numbered = new ArrayList<>(labels.size());
        for (String label : labels) {
            int time = seen.merge(label, 1, Integer::sum);
            numbered.add(time == 1 ? label : label + " #" + time);
        }
        return numbered;
    }
}
