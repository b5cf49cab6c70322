package io.bertlab.tokenizer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Labels stay short: a name, or a file's folder and name, lengthened only where two would clash. */
class TokenizerLabelsTest {

    private static ResolvedTokenizer file(String path) {
        return new ResolvedTokenizer(path, null, Optional.of(Path.of(path)));
    }

    private static ResolvedTokenizer named(String name) {
        return new ResolvedTokenizer(name, null, Optional.empty());
    }

    @Test
    void namesStayAndFilesKeepTheirFolder() {
        assertEquals(List.of("bertimbau", "bert-base-uncased/vocab.txt"), TokenizerLabels.of(List.of(named("bertimbau"),
                file("/srv/shared/data/tokenizers/bert-base-uncased/vocab.txt"))));
    }

    @Test
    void clashingFilesGetMoreOfTheirPath() {
        assertEquals(List.of("old/bert-base-uncased/vocab.txt", "new/bert-base-uncased/vocab.txt",
                "bert-base-cased/vocab.txt"), TokenizerLabels.of(List.of(file("/srv/old/bert-base-uncased/vocab.txt"),
                        file("/srv/new/bert-base-uncased/vocab.txt"), file("/srv/bert-base-cased/vocab.txt"))));
    }

    @Test
    void theSameFileTwiceIsNumberedNotLengthened() {
        assertEquals(List.of("gpt2/tokenizer.json", "gpt2/tokenizer.json #2"), TokenizerLabels.of(List.of(
                file("/data/gpt2/tokenizer.json"), file("/data/gpt2/tokenizer.json"))));
    }

    @Test
    void aFileAtTheRootIsItsWholePath() {
        assertEquals(List.of("/vocab.txt", "x"), TokenizerLabels.of(List.of(file("/vocab.txt"), named("x"))));
    }
}
