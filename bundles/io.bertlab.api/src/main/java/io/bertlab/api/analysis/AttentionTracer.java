package io.bertlab.api.analysis;

import org.osgi.annotation.versioning.ProviderType;

/** Computes a {@link SelfAttentionTrace}: self-attention step by step, with seeded random projections. */
@ProviderType
public interface AttentionTracer {

    /**
     * Traces one self-attention.
     *
     * @param input the token vectors, {@code [n][d]}
     * @param heads the number of heads; must divide {@code d}
     * @param seed the seed of the random Q, K, V and output projections
     * @return every intermediate value
     */
    SelfAttentionTrace trace(float[][] input, int heads, long seed);
}
