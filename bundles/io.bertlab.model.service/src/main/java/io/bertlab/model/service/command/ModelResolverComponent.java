package io.bertlab.model.service.command;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.configuration.UnavailableConfiguration;
import io.bertlab.api.configuration.UnavailableConfigurations;
import io.bertlab.api.model.Engine;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link ModelResolver} service: named models and model directories, opened as the model commands open them, for
 * plugins (the GLUE runner, analysis tools) that take a {@code --model} of their own.
 */
@Component(service = ModelResolver.class)
public class ModelResolverComponent implements ModelResolver {

    private final ServiceTable<Model> models = new ServiceTable<>();
    private final UnavailableConfigurations unavailable = new UnavailableConfigurations();
    private final ServiceTable<Engine> engines = new ServiceTable<>();
    private final ServiceTable<TokenizerLoader> loaders = new ServiceTable<>();

    // updated: a swap changes the directory and engine properties, which ModelSource reads
    @Reference(service = Model.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            updated = "updatedModel")
    void addModel(Model model, Map<String, Object> properties) {
        models.add(model, properties);
    }

    void updatedModel(Model model, Map<String, Object> properties) {
        models.add(model, properties);
    }

    void removeModel(Model model) {
        models.remove(model);
    }

    @Reference(service = UnavailableConfiguration.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            target = "(" + UnavailableConfiguration.KIND + "=" + UnavailableConfiguration.MODEL + ")")
    void addUnavailable(UnavailableConfiguration failure) {
        unavailable.add(failure);
    }

    void removeUnavailable(UnavailableConfiguration failure) {
        unavailable.remove(failure);
    }

    @Reference(service = Engine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEngine(Engine engine, Map<String, Object> properties) {
        engines.add(engine, properties);
    }

    void removeEngine(Engine engine) {
        engines.remove(engine);
    }

    @Reference(service = TokenizerLoader.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addLoader(TokenizerLoader loader, Map<String, Object> properties) {
        loaders.add(loader, properties);
    }

    void removeLoader(TokenizerLoader loader) {
        loaders.remove(loader);
    }

    @Override
    public OpenedModel open(String nameOrDirectory, Path directory, String engine, String device) throws IOException {
        ModelSource source;
        try {
            source = ModelSource.open(nameOrDirectory, directory, models, unavailable, engines, engine, device);
        } catch (CommandException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Opened(source);
    }

    /** bertlab's own tokenizer loader when installed, else whichever is (e.g. the HF adapter). */
    Tokenizer loadTokenizer(Path file) throws IOException {
        try {
            return ModelTokenizers.load(loaders, file);
        } catch (CommandException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private final class Opened implements OpenedModel {

        private final ModelSource source;

        Opened(ModelSource source) {
            this.source = source;
        }

        @Override
        public Model model() {
            return source.model();
        }

        @Override
        public Path directory() throws IOException {
            try {
                return source.directory();
            } catch (CommandException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public Tokenizer tokenizer() throws IOException {
            return loadTokenizer(directory().resolve(ModelProperties.TOKENIZER_FILE));
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
