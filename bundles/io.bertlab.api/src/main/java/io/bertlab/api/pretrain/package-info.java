/**
 * Pre-training task providers (Masked LM, Next Sentence Prediction, Sentence Order Prediction, ...): each turns
 * corpus text into training instances for its head. A pre-training run chains the installed tasks, text stage
 * first, and trains all their heads together: the loss is the sum of the heads' mean losses, as in the BERT paper.
 *
 * <p>1.1: an instance knows how many corpus sentences segment A spans
 * ({@link io.bertlab.api.pretrain.PretrainingInstance#sentences()}), and a task may replace segment A
 * ({@link io.bertlab.api.pretrain.PretrainingInstance#withTextA}), as sentence-order prediction swaps the segments;
 * the context fills a segment with sentences as Google's script does
 * ({@link io.bertlab.api.pretrain.PretrainingContext#span}).
 */
@Export
@Version("1.1.0")
package io.bertlab.api.pretrain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
