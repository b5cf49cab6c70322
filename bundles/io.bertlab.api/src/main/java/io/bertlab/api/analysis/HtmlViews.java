package io.bertlab.api.analysis;

import org.osgi.annotation.versioning.ProviderType;

/** Self-contained HTML pages (no network, scripts and styles inline) that show what the model does. */
@ProviderType
public interface HtmlViews {

    /**
     * A BertViz-style head view: lines from each token to the tokens it attends to, one colour per head, a layer
     * selector.
     *
     * @param map the attention to show
     * @return a complete HTML document
     */
    String headView(AttentionMap map);

    /**
     * A BertViz-style model view: a grid of every layer and head in miniature.
     *
     * @param map the attention to show
     * @return a complete HTML document
     */
    String modelView(AttentionMap map);

    /**
     * A word-importance view of an attribution: each token highlighted by the sign and size of its score.
     *
     * @param attribution the attribution to show
     * @return a complete HTML document
     */
    String wordImportance(Attribution attribution);
}
