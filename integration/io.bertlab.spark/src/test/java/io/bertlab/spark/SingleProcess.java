package io.bertlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.command.Command;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Metric;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.glue.GlueEvaluateCommand;
import io.bertlab.glue.GlueServices;
import io.bertlab.model.service.command.EmbedCommand;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.models.DirectoryResolver;
import io.bertlab.tokenizer.core.BertlabTokenizerLoader;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.service.TokenizeCommand;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-process paths, run as the launcher runs them: the real {@code embed}, {@code tokenize} and
 * {@code glue-evaluate} commands, outside OSGi, with their service references bound as Declarative Services would
 * bind them (by reflection, since the fields are the bundles' own), on model directories and tokenizer files.
 */
final class SingleProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of {@code embed}'s output. */
    record Embedded(float[] embedding, int tokens) {
    }

    /** One line of {@code tokenize --format jsonl}'s output. */
    record Tokenized(int[] ids, int[] typeIds, int[] attentionMask) {
    }

    private SingleProcess() {
    }

    /**
     * {@code bertlab embed --model DIR --input FILE ARGS...}.
     *
     * @return one result per text, in order, and standard error
     */
    static List<Embedded> embed(Path model, List<String> texts, Path work, String... args) throws Exception {
        EmbedCommand command = new EmbedCommand();
        bind(command, EmbedCommand.class, "resolver", new DirectoryResolver());
        Path input = write(work.resolve("embed-input.txt"), texts);
        List<String> arguments = new ArrayList<>(List.of("--model", model.toString(), "--input", input.toString()));
        arguments.addAll(List.of(args));
        String out = run(command, work, arguments);
        List<Embedded> results = new ArrayList<>();
        for (String line : out.split("\n")) {
            JsonNode node = JSON.readTree(line);
            assertEquals(results.size(), node.get("index").asInt());
            JsonNode vector = node.get("embedding");
            float[] embedding = new float[vector.size()];
            for (int i = 0; i < embedding.length; i++) {
                embedding[i] = vector.get(i).floatValue();
            }
            results.add(new Embedded(embedding, node.get("tokens").asInt()));
        }
        assertEquals(texts.size(), results.size());
        return results;
    }

    /**
     * {@code bertlab tokenize --tokenizer FILE --format jsonl --input FILE ARGS...}.
     *
     * @return one encoding per text (or per pair, with {@code --pair}), in order
     */
    static List<Tokenized> tokenize(Path tokenizer, List<String> texts, Path work, String... args) throws Exception {
        ClassLoader classes = SingleProcess.class.getClassLoader();
        TokenizeCommand command = new TokenizeCommand(new BertlabTokenizerLoader(ModelRegistry.discover(classes),
                List.of()));
        Path input = write(work.resolve("tokenize-input.txt"), texts);
        List<String> arguments = new ArrayList<>(List.of("--tokenizer", tokenizer.toString(), "--format", "jsonl",
                "--input", input.toString()));
        arguments.addAll(List.of(args));
        List<Tokenized> results = new ArrayList<>();
        for (String line : run(command, work, arguments).split("\n")) {
            JsonNode node = JSON.readTree(line);
            results.add(new Tokenized(ints(node.get("ids")), ints(node.get("type_ids")),
                    ints(node.get("attention_mask"))));
        }
        return results;
    }

    /**
     * {@code bertlab glue-evaluate --task T --model DIR --data DIR ARGS...}.
     *
     * @return the JSON object it prints
     */
    static JsonNode glueEvaluate(GlueTask task, Path model, Path data, Path work, String... args) throws Exception {
        GlueServices services = new GlueServices();
        Method addTask = GlueServices.class.getDeclaredMethod("addTask", GlueTask.class);
        Method addMetric = GlueServices.class.getDeclaredMethod("addMetric", Metric.class);
        addTask.setAccessible(true);
        addMetric.setAccessible(true);
        addTask.invoke(services, task);
        for (String name : task.metrics()) {
            addMetric.invoke(services, GlueCatalog.metric(name));
        }
        GlueEvaluateCommand command = new GlueEvaluateCommand();
        Class<?> base = GlueEvaluateCommand.class.getSuperclass();
        bind(command, base, "services", services);
        bind(command, base, "resolver", (ModelResolver) new DirectoryResolver());
        List<String> arguments = new ArrayList<>(List.of("--task", task.name(), "--model", model.toString(), "--data",
                data.toString()));
        arguments.addAll(List.of(args));
        return JSON.readTree(run(command, work, arguments));
    }

    private static String run(Command command, Path work, List<String> arguments) throws Exception {
        CapturingContext context = new CapturingContext(work, arguments.toArray(String[]::new));
        int status = command.run(context);
        assertEquals(0, status, context.errText());
        return context.outText().strip();
    }

    private static void bind(Object component, Class<?> declaring, String field, Object service) throws Exception {
        Field f = declaring.getDeclaredField(field);
        f.setAccessible(true);
        f.set(component, service);
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }
}
