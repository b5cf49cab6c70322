package io.bertlab.tokenizer.service;

import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;

/** bertlab's own loader with the model plugins on the test class path, as the OSGi service would load files. */
final class TestLoader {

    private static final ModelRegistry MODELS = ModelRegistry.discover(TestLoader.class.getClassLoader());

    static final TokenizerLoader LOADER = (file, options) -> TokenizerFiles.load(file, options, MODELS);

    private TestLoader() {
    }
}
