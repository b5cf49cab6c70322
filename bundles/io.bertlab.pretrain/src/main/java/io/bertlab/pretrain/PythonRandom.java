package io.bertlab.pretrain;

import java.math.BigInteger;
import java.util.List;

/**
 * CPython's {@code random.Random}: the MT19937 Mersenne Twister seeded as {@code random.Random(int)} seeds it, and
 * the methods Google's {@code create_pretraining_data.py} calls, with CPython 3.11's exact algorithms, so that the
 * same seed yields the same draws as under Python.
 *
 * <ul>
 * <li>seeding: {@code init_by_array} with the 32-bit words of {@code abs(seed)}, least significant first
 * ({@code [0]} for 0);</li>
 * <li>{@link #random()}: 53 bits from two outputs, {@code (a >> 5, b >> 6)};</li>
 * <li>{@link #randBelow(int)}: {@code getrandbits(n.bit_length())} with rejection, so even {@code randint(a, a)}
 * consumes output;</li>
 * <li>{@link #shuffle(List)}: Fisher-Yates from the end with {@code _randbelow(i + 1)} (3.11 has no
 * {@code random=} argument; 3.2 to 3.10 used the same algorithm when it was not given).</li>
 * </ul>
 *
 * <p>Not thread-safe, as Python's is not meant to be shared either.
 */
public final class PythonRandom {

    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int index;

    /**
     * A generator seeded as {@code random.Random(seed)}.
     *
     * @param seed any integer; its sign is ignored, as Python's is
     */
    public PythonRandom(long seed) {
        this(BigInteger.valueOf(seed));
    }

    /**
     * A generator seeded as {@code random.Random(seed)} with an integer of any size.
     *
     * @param seed the seed; its sign is ignored
     */
    public PythonRandom(BigInteger seed) {
        BigInteger magnitude = seed.abs();
        int bits = magnitude.bitLength();
        int words = bits == 0 ? 1 : (bits - 1) / 32 + 1;
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = magnitude.shiftRight(32 * i).intValue();
        }
        initByArray(key);
    }

    private void initGenrand(int seed) {
        mt[0] = seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    /**
     * The next 32-bit output ({@code genrand_uint32}).
     *
     * @return 32 random bits
     */
    public int nextInt32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        index = 0;
    }

    /**
     * {@code random.random()}: a double in [0, 1) with 53 random bits.
     *
     * @return the draw
     */
    public double random() {
        long a = (nextInt32() & 0xffffffffL) >>> 5;
        long b = (nextInt32() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /**
     * {@code random.getrandbits(k)} for up to 64 bits: whole 32-bit outputs, least significant word first, the last
     * one shifted right to the bits still wanted.
     *
     * @param k from 0 to 64
     * @return a non-negative draw below 2^k (as an unsigned value for k = 64)
     */
    public long getrandbits(int k) {
        if (k < 0 || k > 64) {
            throw new IllegalArgumentException("bits must be 0 to 64: " + k);
        }
        if (k == 0) {
            return 0;
        }
        if (k <= 32) {
            return (nextInt32() & 0xffffffffL) >>> (32 - k);
        }
        long low = nextInt32() & 0xffffffffL;
        long high = (nextInt32() & 0xffffffffL) >>> (64 - k);
        return low | (high << 32);
    }

    /**
     * {@code random._randbelow(n)}: uniform in [0, n) by rejection of {@code getrandbits(bit_length(n))}.
     *
     * @param n at least 1
     * @return the draw
     */
    public int randBelow(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("empty range: " + n);
        }
        int k = 32 - Integer.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return (int) r;
    }

    /**
     * {@code random.randint(a, b)}: uniform in [a, b], both included.
     *
     * @param a the lowest value
     * @param b the highest value, at least {@code a}
     * @return the draw
     */
    public int randint(int a, int b) {
        long width = (long) b - a + 1;
        if (width <= 0 || width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("empty or too wide range for randint(" + a + ", " + b + ")");
        }
        return a + randBelow((int) width);
    }

    /**
     * {@code random.choice(seq)}.
     *
     * @param <T> the element type
     * @param items a non-empty list
     * @return one element
     */
    public <T> T choice(List<T> items) {
        return items.get(randBelow(items.size()));
    }

    /**
     * {@code random.shuffle(x)} in place.
     *
     * @param items the list to shuffle
     */
    public void shuffle(List<?> items) {
        shuffleSwaps(items.size(), (i, j) -> java.util.Collections.swap(items, i, j));
    }

    /**
     * {@code random.shuffle(x)} in place on an int array.
     *
     * @param items the array to shuffle
     */
    public void shuffle(int[] items) {
        shuffleSwaps(items.length, (i, j) -> {
            int t = items[i];
            items[i] = items[j];
            items[j] = t;
        });
    }

    /** Swaps two positions of whatever is being shuffled. */
    @FunctionalInterface
    interface Swap {
        void swap(int i, int j);
    }

    void shuffleSwaps(int size, Swap swap) {
        for (int i = size - 1; i >= 1; i--) {
            int j = randBelow(i + 1);
            swap.swap(i, j);
        }
    }
}
