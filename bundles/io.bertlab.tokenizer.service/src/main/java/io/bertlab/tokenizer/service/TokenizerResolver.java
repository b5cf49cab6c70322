package io.bertlab.tokenizer.service;

import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.configuration.UnavailableConfiguration;
import io.bertlab.api.configuration.UnavailableConfigurations;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Turns a {@code --tokenizer} argument into a tokenizer, the same way for every command of this bundle: the name
 * of a configured tokenizer service first, else a file ({@code tokenizer.json}, {@code vocab.txt}, {@code vocab.json})
 * loaded with bertlab's own implementation.
 *
 * <p>Published as the API's {@link io.bertlab.api.tokenizer.TokenizerResolver}, for every plugin's {@code --tokenizer},
 * and under this class for this bundle's commands, which also want to know whether a file was read.
 */
@Component(service = {TokenizerResolver.class, io.bertlab.api.tokenizer.TokenizerResolver.class})
public class TokenizerResolver implements io.bertlab.api.tokenizer.TokenizerResolver {


    private final Map<String, Tokenizer> named = new ConcurrentHashMap<>();
    private final UnavailableConfigurations unavailable = new UnavailableConfigurations();

    @Reference(target = "(" + TokenizerProperties.IMPLEMENTATION + "=" + TokenizerProperties.IMPLEMENTATION_BERTLAB
            + ")")
    private TokenizerLoader loader;

    /** For Declarative Services. */
    public TokenizerResolver() {
    }

    /**
     * A resolver outside OSGi: files only, until tokenizers are added by name.
     *
     * @param loader the loader for tokenizer files
     */
    public TokenizerResolver(TokenizerLoader loader) {
        this.loader = loader;
    }

    // updated: a changed configuration may rename the service it keeps
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + TokenizerProperties.NAME + "=*)", updated = "updatedTokenizer")
    void addTokenizer(Tokenizer tokenizer, Map<String, Object> properties) {
        named.put(String.valueOf(properties.get(TokenizerProperties.NAME)), tokenizer);
    }

    void updatedTokenizer(Tokenizer tokenizer, Map<String, Object> properties) {
        named.values().remove(tokenizer);
        addTokenizer(tokenizer, properties);
    }

    void removeTokenizer(Tokenizer tokenizer) {
        named.values().remove(tokenizer);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + UnavailableConfiguration.KIND + "=" + UnavailableConfiguration.TOKENIZER + ")")
    void addUnavailable(UnavailableConfiguration failure) {
        unavailable.add(failure);
    }

    void removeUnavailable(UnavailableConfiguration failure) {
        unavailable.remove(failure);
    }

    @Override
    public Tokenizer resolve(String nameOrFile, Path file) throws IOException {
        return resolved(nameOrFile, file).tokenizer();
    }

    /**
     * Resolves one {@code --tokenizer} argument of a command.
     *
     * @param command the command name, for messages
     * @param call the call, whose working directory relative files are resolved against
     * @param nameOrFile the argument as typed
     * @return the tokenizer and where it came from
     * @throws CommandException when nothing has that name and no such file exists, or the file cannot be loaded
     *     (the message names the argument, the file and what was wrong)
     */
    ResolvedTokenizer resolve(String command, CommandContext call, String nameOrFile) throws CommandException {
        try {
            return resolved(nameOrFile, call.resolve(nameOrFile));
        } catch (IOException e) {
            throw new CommandException(command + ": --tokenizer " + e.getMessage(), e);
        }
    }

    private ResolvedTokenizer resolved(String nameOrFile, Path file) throws IOException {
        var failure = unavailable.unavailable(nameOrFile);
        if (failure.isPresent() && !(named.get(nameOrFile) instanceof ConfiguredTokenizer late
                && late.loadedOnRetry())) {
            throw new IOException("'" + nameOrFile + "': " + failure.get().message());
        }
        Tokenizer configured = named.get(nameOrFile);
        if (configured != null) {
            return new ResolvedTokenizer(nameOrFile, configured, Optional.empty());
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("'" + nameOrFile + "': no tokenizer has that name and " + file + " is not a file"
                    + (named.isEmpty() ? "" : " (configured tokenizers: " + named.keySet() + ")"));
        }
        try {
            return new ResolvedTokenizer(nameOrFile, loader.load(file), Optional.of(file));
        } catch (TokenizerFormatException e) {
            throw new IOException("'" + nameOrFile + "': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("'" + nameOrFile + "': cannot read " + FileErrors.describe(file, e), e);
        }
    }
}
