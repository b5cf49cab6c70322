package io.bertlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.models.DirectoryResolver;
import io.bertlab.testing.models.JavaMiniLm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Produces the table of src-docs/analysis.md: attention-stats on all-MiniLM-L6-v2 over a file of texts, run only
 * when asked ({@code -Dbertlab.analysis.corpus=FILE}), since a thousand sentences take minutes. The table and the
 * JSON go to {@code target/attention-stats.txt} and {@code .json}.
 */
@EnabledIfSystemProperty(named = "bertlab.analysis.corpus", matches = ".+")
class MiniLmCorpusRun {

    @TempDir
    Path dir;

    @Test
    void attentionStatsOverTheCorpus() throws Exception {
        Path input = Path.of(System.getProperty("bertlab.analysis.corpus")).toAbsolutePath();
        Path model = JavaMiniLm.directory(Files.createDirectories(dir.resolve("minilm")));
        Path target = Path.of("target").toAbsolutePath();
        for (String format : new String[] {"table", "json"}) {
            AttentionStatsCommand command = new AttentionStatsCommand();
            command.resolver = new DirectoryResolver();
            Path output = target.resolve("attention-stats." + (format.equals("table") ? "txt" : "json"));
            CapturingContext context = new CapturingContext(dir, "--model", model.toString(), "--input",
                    input.toString(), "--format", format, "--output", output.toString());
            long start = System.nanoTime();
            assertEquals(0, command.run(context));
            System.out.printf("%s: %.1f s%n%s", output, (System.nanoTime() - start) / 1e9, context.errText());
        }
    }
}
