package dev.llamatrace.core.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Process-wide unique sequence numbers for span and event ids.
 *
 * <p>Each thread takes ids from its own block, so two threads creating spans never write to the same memory on the
 * hot path; the shared counter is touched once per {@value #BLOCK_SIZE} ids.
 */
public final class Ids {

    private static final int BLOCK_SIZE = 1024;

    private static final AtomicLong NEXT_BLOCK = new AtomicLong();

    private static final ThreadLocal<long[]> BLOCKS = ThreadLocal.withInitial(() -> new long[2]);

    private Ids() {}

    /**
     * Returns the next id, unique in this process.
     *
     * @return a positive id
     */
    public static long next() {
        long[] block = BLOCKS.get();
        if (block[0] == block[1]) {
            long start = NEXT_BLOCK.getAndAdd(BLOCK_SIZE);
            block[0] = start;
            block[1] = start + BLOCK_SIZE;
        }
        return ++block[0];
    }

    /**
     * Renders a sequence number as the short suffix used in ids.
     *
     * @param seq a value of {@link #next()}
     * @return its lower-case hexadecimal form
     */
    public static String format(long seq) {
        return Long.toHexString(seq);
    }
}
