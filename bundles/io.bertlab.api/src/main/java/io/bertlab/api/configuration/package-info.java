/**
 * Named services built from ConfigAdmin configurations (named models, named tokenizers) when a configuration cannot
 * be applied: {@link io.bertlab.api.configuration.UnavailableConfiguration} says which configuration, from which file,
 * and why, as a service that commands and the {@code features} report look up; {@link
 * io.bertlab.api.configuration.ConfigurationStatus} is the one piece of code that publishes it for every such
 * component.
 */
@Export
@Version("1.0.0")
package io.bertlab.api.configuration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
