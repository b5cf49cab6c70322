/** Progress of long-running work (training, evaluation, large inputs), reported to whoever started it. */
@Export
@Version("1.0.0")
package io.bertlab.api.progress;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
