/**
 * Pre-training task providers (Masked LM, Next Sentence Prediction): each turns corpus text into training instances
 * for its head. A pre-training run chains the installed tasks, text stage first, and trains all their heads
 * together: the loss is the sum of the heads' mean losses, as in the BERT paper.
 */
@Export
@Version("1.0.0")
package io.bertlab.api.pretrain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
