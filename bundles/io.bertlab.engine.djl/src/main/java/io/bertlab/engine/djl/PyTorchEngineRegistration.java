package io.bertlab.engine.djl;

import ai.djl.util.cuda.CudaUtils;
import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the PyTorch engines that the embedded libtorch can run, deciding from its build flavor (the
 * {@code flavor} of {@code native/lib/pytorch.properties}) and CUDA's device count, without loading libtorch:
 * <ul>
 * <li>CPU build (the default bundle): {@code bertlab.device=cpu} only;</li>
 * <li>CUDA build ({@code mvn -Pcuda}) on a host with a CUDA device: {@code cpu} and {@code gpu};</li>
 * <li>CUDA build without a CUDA device: none, with a warning. DJL would otherwise try to download CPU natives at
 * first use, which fails offline; MXNet stays available.</li>
 * </ul>
 */
@Component(immediate = true, service = {})
public final class PyTorchEngineRegistration {

    static final String PYTORCH_NATIVES = "native/lib/pytorch.properties";

    private static final Logger LOG = LoggerFactory.getLogger(PyTorchEngineRegistration.class);

    private final List<ServiceRegistration<Engine>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context) {
        String flavor = embeddedFlavor();
        boolean cudaBuild = isCudaBuild(flavor);
        boolean cudaDevice = gpuUsable();
        if (cudaBuild && !cudaDevice) {
            LOG.warn("The PyTorch engine embedded in this bundle is a CUDA build ({}) and this host has no CUDA device: "
                    + "no PyTorch engine is published. Use the default (CPU) build of io.bertlab.engine.djl here.",
                    flavor);
            return;
        }
        register(context, new PyTorchCpuEngine(), EngineProperties.CPU);
        if (cudaDevice) {
            register(context, new PyTorchGpuEngine(), EngineProperties.GPU);
        }
    }

    private void register(BundleContext context, Engine engine, String device) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EngineProperties.ENGINE, EngineProperties.PYTORCH);
        properties.put(EngineProperties.DEVICE, device);
        registrations.add(context.registerService(Engine.class, engine, properties));
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /**
     * Whether the {@code gpu} engine can run here: the embedded libtorch is a CUDA build and CUDA sees a device.
     *
     * @return true when the gpu engine is published
     */
    static boolean gpuUsable() {
        return isCudaBuild(embeddedFlavor()) && CudaUtils.getGpuCount() > 0;
    }

    private static boolean isCudaBuild(String flavor) {
        return flavor.startsWith("cu");
    }

    /** The build flavor of the embedded libtorch ({@code cpu}, {@code cu124}, ...), or empty when none is embedded. */
    static String embeddedFlavor() {
        URL url = PyTorchEngineRegistration.class.getClassLoader().getResource(PYTORCH_NATIVES);
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
