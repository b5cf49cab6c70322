package io.bertlab.tokenizer.core;

import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.tokenizer.core.spi.ModelFactory;
import io.bertlab.tokenizer.core.spi.TokenizerFileFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link TokenizerLoader} service of bertlab's own implementation; model plugins and file formats join and leave
 * while it runs.
 */
@Component(service = TokenizerLoader.class,
        property = TokenizerProperties.IMPLEMENTATION + "=" + TokenizerProperties.IMPLEMENTATION_BERTLAB)
public final class BertlabTokenizerLoader implements TokenizerLoader {

    private final ModelRegistry models;
    private final List<TokenizerFileFormat> formats = new CopyOnWriteArrayList<>();

    /** For Declarative Services: plugins and formats arrive as references. */
    public BertlabTokenizerLoader() {
        this(new ModelRegistry(), List.of());
    }

    /**
     * A loader outside OSGi.
     *
     * @param models the model plugins
     * @param formats the extra file formats
     */
    public BertlabTokenizerLoader(ModelRegistry models, List<TokenizerFileFormat> formats) {
        this.models = models;
        this.formats.addAll(formats);
    }

    /**
     * Adds a model plugin.
     *
     * @param factory the plugin's factory
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(ModelFactory factory) {
        models.add(factory);
    }

    /**
     * Removes a model plugin.
     *
     * @param factory the plugin's factory
     */
    void removeModel(ModelFactory factory) {
        models.remove(factory);
    }

    /**
     * Adds a file format.
     *
     * @param format the plugin's format
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFormat(TokenizerFileFormat format) {
        formats.add(format);
    }

    /**
     * Removes a file format.
     *
     * @param format the plugin's format
     */
    void removeFormat(TokenizerFileFormat format) {
        formats.remove(format);
    }

    @Override
    public Tokenizer load(Path file, Map<String, String> options) throws IOException {
        for (TokenizerFileFormat format : formats) {
            if (format.reads(file)) {
                return TokenizerFiles.fromJson(format.toTokenizerJson(file, options), file, models);
            }
        }
        return TokenizerFiles.load(file, options, models);
    }
}
