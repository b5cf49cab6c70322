package io.bertlab.engine.djl;

import ai.djl.util.cuda.CudaUtils;
import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Properties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Publishes the {@code bertlab.device=gpu} PyTorch engine when it can run: the libtorch embedded in this bundle is a
 * CUDA build (the flavor of its {@code native/lib/pytorch.properties} starts with {@code cu}) and CUDA reports a
 * device. Otherwise (the CPU build of Maven Central's natives, or no GPU) the service is simply absent. The check
 * reads a properties file and asks the CUDA runtime for a device count; it loads no libtorch.
 */
@Component(immediate = true, service = {})
public final class GpuEngineRegistration {

    static final String PYTORCH_NATIVES = "native/lib/pytorch.properties";

    private ServiceRegistration<Engine> registration;

    @Activate
    void activate(BundleContext context) {
        if (embeddedFlavor().startsWith("cu") && CudaUtils.getGpuCount() > 0) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(EngineProperties.ENGINE, EngineProperties.PYTORCH);
            properties.put(EngineProperties.DEVICE, EngineProperties.GPU);
            registration = context.registerService(Engine.class, new PyTorchGpuEngine(), properties);
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    /** The build flavor of the embedded libtorch ({@code cpu}, {@code cu124}, ...), or empty when none is embedded. */
    static String embeddedFlavor() {
        URL url = GpuEngineRegistration.class.getClassLoader().getResource(PYTORCH_NATIVES);
        if (url == null) {
            return "";
        }
        try (InputStream in = url.openStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("flavor", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
