/**
 * The contract between the launcher behind {@code bin/bertlab} and the bundles inside the framework: framework
 * property names and the properties of the services the launcher registers. The launcher lives outside the
 * framework, so everything here is a compile-time constant.
 */
@Export
@Version("1.2.0")
package io.bertlab.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
