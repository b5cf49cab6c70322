package io.bertlab.api.analysis;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Computes per-head attention-pattern statistics over many inputs. */
@ProviderType
public interface AttentionPatterns {

    /**
     * Averages each head's statistics over the inputs.
     *
     * @param maps the attention of each input
     * @return one entry per layer and head, layer-major
     */
    List<HeadStatistics> analyze(List<AttentionMap> maps);
}
