package io.bertlab.tokenizer.core;

import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.tokenizer.core.spi.ModelFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link TokenizerLoader} service of bertlab's own implementation; model plugins join and leave while it runs.
 */
@Component(service = TokenizerLoader.class,
        property = TokenizerProperties.IMPLEMENTATION + "=" + TokenizerProperties.IMPLEMENTATION_BERTLAB)
public final class BertlabTokenizerLoader implements TokenizerLoader {

    private final ModelRegistry models = new ModelRegistry();

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

    @Override
    public Tokenizer load(Path file, Map<String, String> options) throws IOException {
        return TokenizerFiles.load(file, options, models);
    }
}
