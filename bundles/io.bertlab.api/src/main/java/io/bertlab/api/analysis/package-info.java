/**
 * Looking inside the model: attention capture, per-head attention-pattern statistics (Clark et al. 2019), token
 * attributions by Integrated Gradients, self-contained HTML views, and a step-by-step self-attention trace for
 * teaching.
 */
@Export
@Version("1.1.0")
package io.bertlab.api.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
