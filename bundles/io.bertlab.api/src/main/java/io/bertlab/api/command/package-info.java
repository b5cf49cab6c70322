/**
 * Commands: the one way bertlab's capabilities are driven by people, from {@code bin/bertlab <command>} and from the
 * Gogo shell alike. A plugin bundle contributes a command by registering a {@link io.bertlab.api.command.Command}
 * service annotated with {@link io.bertlab.api.command.CommandProperties}.
 *
 * <p>1.3: {@link io.bertlab.api.command.TextLines#bytesRead()}, for progress through a file.
 */
@Export
@Version("1.3.0")
package io.bertlab.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
