package io.bertlab.tokenizer.unigram;

import io.bertlab.testing.SharedData;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** The SentencePiece-derived Unigram {@code tokenizer.json} files the tests run on: t5-small, xlnet, albert. */
final class UnigramFiles {

    private UnigramFiles() {
    }

    /**
     * One dynamic test per file, named by its model folder.
     *
     * @param check the test body for one file
     * @return the tests
     */
    static Stream<DynamicTest> eachFile(ThrowingConsumer<Path> check) {
        return Stream.of(
                SharedData.require("tokenizers/t5-small/tokenizer.json"),
                SharedData.require("tokenizers/xlnet-base-cased/tokenizer.json"),
                SharedData.reference("tokenizers/albert-base-v2/tokenizer.json"))
                .map(file -> DynamicTest.dynamicTest(file.getParent().getFileName().toString(),
                        () -> check.accept(file)));
    }
}
