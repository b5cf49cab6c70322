package io.bertlab.tokenizer.core;

import io.bertlab.tokenizer.core.spi.ModelConfig;
import io.bertlab.tokenizer.core.spi.ModelFactory;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The installed model plugins. In OSGi the {@link BertlabTokenizerLoader} component fills it from
 * {@link ModelFactory} services as they come and go; in plain Java {@link #discover(ClassLoader)} uses
 * {@link ServiceLoader}. Thread-safe.
 */
public final class ModelRegistry {

    private final List<ModelFactory> factories = new CopyOnWriteArrayList<>();

    /**
     * A registry with the given factories.
     *
     * @param initial the factories
     * @return the registry
     */
    public static ModelRegistry of(ModelFactory... initial) {
        ModelRegistry registry = new ModelRegistry();
        for (ModelFactory f : initial) {
            registry.add(f);
        }
        return registry;
    }

    /**
     * A registry with every {@link ModelFactory} that {@link ServiceLoader} finds.
     *
     * @param loader the class loader to search
     * @return the registry
     */
    public static ModelRegistry discover(ClassLoader loader) {
        ModelRegistry registry = new ModelRegistry();
        ServiceLoader.load(ModelFactory.class, loader).forEach(registry::add);
        return registry;
    }

    /**
     * Adds a factory; a later one for the same type takes precedence.
     *
     * @param factory the factory
     */
    public void add(ModelFactory factory) {
        factories.add(0, factory);
    }

    /**
     * Removes a factory.
     *
     * @param factory the factory
     */
    public void remove(ModelFactory factory) {
        factories.remove(factory);
    }

    /**
     * The factory for a type.
     *
     * @param type e.g. {@code WordPiece}
     * @return the factory, or null
     */
    public ModelFactory find(String type) {
        for (ModelFactory f : factories) {
            if (f.type().equals(type)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The factory that recognizes a model object without {@code type}.
     *
     * @param config the model object
     * @return the factory, or null
     */
    public ModelFactory recognize(ModelConfig config) {
        for (ModelFactory f : factories) {
            if (f.recognizes(config)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The installed types, sorted.
     *
     * @return e.g. {@code [BPE, WordPiece]}
     */
    public String types() {
        TreeSet<String> types = new TreeSet<>();
        factories.forEach(f -> types.add(f.type()));
        return types.toString();
    }
}
