package io.bertlab.tokenizer.service;

import io.bertlab.api.configuration.ConfigurationStatus;
import io.bertlab.api.configuration.UnavailableConfiguration;
import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.api.tokenizer.TruncationStrategy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A named tokenizer created from a ConfigAdmin factory configuration ({@code io.bertlab.tokenizer}): file, loader
 * implementation and encode settings. Changing the file or settings loads the new tokenizer first and then swaps
 * it in behind the same service, so consumers never see the service missing and no call fails; calls already
 * running finish on the old tokenizer. Deleting the configuration removes the service. The loader is selected by
 * the {@code loader.target} property, which {@code bertlab.tokenizer.implementation} should match (e.g.
 * {@code (bertlab.tokenizer.implementation=huggingface)}); changing it re-creates the component. A file that cannot
 * be loaded is reported once on standard error and published as an unavailable configuration (never thrown from
 * activation), so that {@code tokenize --tokenizer NAME} and {@code features} can say why. A configuration that never
 * loaded is tried again, quietly and at most once a second, when the tokenizer is called: what it lacked (a model
 * plugin or file format started after this bundle, as after a container restart) may have arrived since, and a
 * consumer that holds the service would otherwise keep the failed instance for good.
 */
@Component(service = Tokenizer.class, configurationPid = "io.bertlab.tokenizer",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TokenizerConfiguration.class, factory = true)
public final class ConfiguredTokenizer implements Tokenizer {

    /** The loaded tokenizer and the encode settings that go with it, swapped as one. */
    private record Loaded(Tokenizer tokenizer, EncodeOptions defaults) {
    }


    /** How long a failed first load waits before a call tries it again. */
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final TokenizerLoader loader;
    private final ConfigurationStatus status;
    /** Null until a configuration has loaded. */
    private volatile Loaded loaded;
    /** The configuration last applied, for retries. */
    private TokenizerConfiguration config;
    private long failedAt;

    /**
     * Loads the configured file. A file that cannot be read or is malformed does not make activation fail: the
     * failure is announced and published (see {@link ConfigurationStatus}), and calls throw with its message.
     *
     * @param loader the loader chosen by {@code loader.target}
     * @param context the bundle's context, to publish a failure with
     * @param config the configuration
     * @param properties the configuration's properties (PID, FileInstall's file), to name it in messages
     */
    @Activate
    public ConfiguredTokenizer(@Reference(name = "loader") TokenizerLoader loader, BundleContext context,
            TokenizerConfiguration config, Map<String, Object> properties) {
        this.loader = loader;
        this.status = new ConfigurationStatus(context, UnavailableConfiguration.TOKENIZER);
        apply(config, properties);
    }

    /**
     * Takes a changed configuration without unregistering the service; when the new file cannot be loaded, the old
     * tokenizer stays in place and the failure is published.
     *
     * @param config the new configuration
     * @param properties its properties
     */
    @Modified
    void modified(TokenizerConfiguration config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Deactivate
    void deactivate() {
        status.close();
    }

    private synchronized void apply(TokenizerConfiguration config, Map<String, Object> properties) {
        this.config = config;
        try {
            loaded = load(config);
            status.applied();
        } catch (IOException | RuntimeException e) {
            failedAt = System.nanoTime();
            status.failed(config.bertlab_tokenizer_name(), properties, e, loaded != null);
        }
    }

    /** Tries a configuration that never loaded again (its failure is already announced and stays published). */
    private synchronized Loaded retry() {
        if (loaded == null && System.nanoTime() - failedAt >= RETRY_NANOS) {
            try {
                loaded = load(config);
                status.applied();
            } catch (IOException | RuntimeException e) {
                failedAt = System.nanoTime();
            }
        }
        return loaded;
    }

    /**
     * For the resolver, which answers a published failure without calling the tokenizer: true when a configuration
     * that never loaded has just loaded on a retry (its failure is then withdrawn).
     */
    boolean loadedOnRetry() {
        return loaded == null && retry() != null;
    }

    private Loaded serving() {
        Loaded serving = loaded;
        if (serving == null) {
            serving = retry();
        }
        if (serving == null) {
            throw new IllegalStateException(status.failure().map(f -> f.message()).orElse("no tokenizer loaded"));
        }
        return serving;
    }

    private Loaded load(TokenizerConfiguration config) throws IOException {
        Map<String, String> options = config.file().endsWith(".txt")
                ? Map.of(TokenizerLoader.OPTION_LOWERCASE, String.valueOf(config.lowercase())) : Map.of();
        Tokenizer tokenizer = loader.load(Path.of(config.file()), options);
        return new Loaded(tokenizer, defaults(tokenizer, config));
    }

    private static EncodeOptions defaults(Tokenizer tokenizer, TokenizerConfiguration config) {
        EncodeOptions options = tokenizer.defaults();
        if (config.max__length() > 0) {
            options = options.with(new Truncation(
                    TruncationStrategy.valueOf(config.truncation().toUpperCase(Locale.ROOT)), config.max__length(), 0,
                    Direction.RIGHT));
        }
        Padding template = tokenizer.defaultPadding();
        switch (config.padding()) {
            case "none":
                break;
            case "longest":
                options = options.with(template.withStrategy(PaddingStrategy.LONGEST, 0));
                break;
            case "max_length":
                if (config.max__length() <= 0) {
                    throw new IllegalArgumentException("padding=max_length needs max_length > 0");
                }
                options = options.with(template.withStrategy(PaddingStrategy.FIXED, config.max__length()));
                break;
            default:
                throw new IllegalArgumentException("padding must be none, longest or max_length, not '"
                        + config.padding() + "'");
        }
        return options;
    }

    @Override
    public EncodeOptions defaults() {
        return serving().defaults();
    }

    @Override
    public Encoding encode(String text, EncodeOptions options) {
        return serving().tokenizer().encode(text, options);
    }

    @Override
    public Encoding encodePair(String first, String second, EncodeOptions options) {
        return serving().tokenizer().encodePair(first, second, options);
    }

    @Override
    public List<Encoding> encodeBatch(List<String> texts, EncodeOptions options) {
        return serving().tokenizer().encodeBatch(texts, options);
    }

    @Override
    public List<Encoding> encodePairBatch(List<List<String>> pairs, EncodeOptions options) {
        return serving().tokenizer().encodePairBatch(pairs, options);
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        return serving().tokenizer().decode(ids, skipSpecialTokens);
    }

    @Override
    public int vocabularySize() {
        return serving().tokenizer().vocabularySize();
    }

    @Override
    public OptionalInt tokenToId(String token) {
        return serving().tokenizer().tokenToId(token);
    }

    @Override
    public Optional<String> idToToken(int id) {
        return serving().tokenizer().idToToken(id);
    }

    @Override
    public Map<String, Integer> vocabulary() {
        return serving().tokenizer().vocabulary();
    }
}
