package io.bertlab.api.pretrain;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** Documents made of sentences, the raw material of pre-training (one document per blank-line-separated block). */
@ConsumerType
public interface Corpus {

    /**
     * The number of documents.
     *
     * @return at least 1
     */
    int documentCount();

    /**
     * One document's sentences, in order.
     *
     * @param index from {@code 0} to {@code documentCount() - 1}
     * @return the sentences, never empty
     */
    List<String> document(int index);
}
