package io.bertlab.model.service;

import io.bertlab.api.model.EngineProperties;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One named model, as a factory configuration of PID {@value ConfiguredModel#FACTORY_PID}, e.g.
 * {@code deploy/io.bertlab.model-minilm.cfg}. The keys are the model service's properties, so what a
 * configuration says is what consumers filter on.
 */
@ObjectClassDefinition(name = "bertlab model", description = "A model directory served by an engine")
@interface ModelConfiguration {

    @AttributeDefinition(name = "bertlab.model.name", description = "The name commands and consumers select it by")
    String bertlab_model_name();

    @AttributeDefinition(name = "bertlab.model.directory",
            description = "Folder with config.json, model.safetensors and tokenizer.json")
    String bertlab_model_directory();

    @AttributeDefinition(name = "bertlab.engine", description = "Engine: java, pytorch or mxnet")
    String bertlab_engine() default EngineProperties.JAVA;

    @AttributeDefinition(name = "bertlab.device", description = "Device: cpu or gpu")
    String bertlab_device() default EngineProperties.CPU;

    @AttributeDefinition(name = "bertlab.model.threads", description = "Threads; 0 lets the engine decide")
    int bertlab_model_threads() default 0;

    @AttributeDefinition(name = "bertlab.model.preload", description = "Load the weights when the configuration is"
            + " applied rather than on first use (a server's first request then waits for nothing)")
    boolean bertlab_model_preload() default false;
}
