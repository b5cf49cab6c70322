package io.bertlab.model.service.command;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.onnx.OnnxBertImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code bertlab import-model}: an exported BERT ONNX graph and its tokenizer become a bertlab model directory. */
@Component(service = Command.class)
@CommandProperties(name = "import-model", summary = "Turn a BERT ONNX file + tokenizer.json into a model directory")
public class ImportModelCommand implements Command {

    private final ServiceTable<TokenizerLoader> loaders = new ServiceTable<>();

    @Reference(service = TokenizerLoader.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addLoader(TokenizerLoader loader, Map<String, Object> properties) {
        loaders.add(loader, properties);
    }

    void removeLoader(TokenizerLoader loader) {
        loaders.remove(loader);
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab import-model --onnx FILE --tokenizer FILE --output DIR [--heads N]",
                "",
                "Reads the initializers of an exported BERT ONNX graph, maps them to BERT's parameters",
                "(following the graph, so transposed and renamed constants are handled), and writes",
                "DIR/config.json, DIR/model.safetensors and DIR/tokenizer.json. Each file is replaced",
                "atomically. Models load from such directories ('bertlab embed --model DIR').",
                "",
                "Options:",
                "  --onnx FILE       the ONNX model",
                "  --tokenizer FILE  its tokenizer.json (checked first with the installed tokenizer loader)",
                "  --output DIR      the model directory to write (created if missing; not a file)",
                "  --heads N         attention heads, when the graph does not say (default: read from the graph)",
                "",
                "Example: bertlab import-model --onnx all-minilm-l6-v2.onnx --tokenizer tokenizer.json --output minilm");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse("import-model", context.arguments(), Set.of(),
                Set.of("--onnx", "--tokenizer", "--output", "--heads"));
        Path onnx = context.resolve(arguments.required("--onnx"));
        Path tokenizer = context.resolve(arguments.required("--tokenizer"));
        Path output = context.resolve(arguments.required("--output"));
        int heads = arguments.intValue("--heads", 0);
        // every check before the work: a model folder is written only from inputs that make a working model
        requireReadable(onnx);
        requireReadable(tokenizer);
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CommandException("--output " + output + " is a file; import-model writes a model folder");
        }
        ModelTokenizers.checkIfLoadable(loaders, tokenizer);
        ModelDirectory.Checkpoint checkpoint;
        try {
            checkpoint = heads > 0 ? OnnxBertImporter.importModel(onnx, heads) : OnnxBertImporter.importModel(onnx);
        } catch (CheckpointException e) {
            throw new CommandException(e.getMessage(), e);
        }
        try {
            ModelDirectory.save(output, checkpoint);
            Path tokenizerCopy = output.resolve(ModelProperties.TOKENIZER_FILE);
            Path partial = output.resolve(ModelProperties.TOKENIZER_FILE + ".partial");
            Files.copy(tokenizer, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, tokenizerCopy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandException("cannot write the model to " + output + ": " + FileErrors.describe(e), e);
        }
        context.out().printf("Imported %s: %d layers x %d hidden, %d heads, %d parameters -> %s%n", onnx.getFileName(),
                checkpoint.config().numHiddenLayers(), checkpoint.config().hiddenSize(),
                checkpoint.config().numAttentionHeads(), checkpoint.weights().parameterCount(), output);
        return 0;
    }

    private static void requireReadable(Path file) throws CommandException {
        if (!Files.isReadable(file)) {
            throw new CommandException("cannot read " + file + ": " + (Files.exists(file) ? "permission denied"
                    : "no such file"));
        }
    }
}
