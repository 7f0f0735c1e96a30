package dev.llamatrace.core.internal;

import java.time.Instant;

/**
 * Converts {@link System#nanoTime()} readings to wall-clock instants.
 *
 * <p>The wall clock is read once, when this class loads; every later instant is that anchor plus elapsed monotonic
 * time. Spans and events therefore read only the cheap monotonic clock, and their timestamps never go backwards.
 */
public final class TimeAnchor {

    private static final long ANCHOR_EPOCH_NANOS;

    private static final long ANCHOR_NANO_TIME;

    static {
        Instant now = Instant.now();
        ANCHOR_NANO_TIME = System.nanoTime();
        ANCHOR_EPOCH_NANOS = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private TimeAnchor() {}

    /**
     * Returns the wall-clock instant of a monotonic clock reading.
     *
     * @param nanoTime a value of {@link System#nanoTime()} taken in this process
     * @return the matching instant
     */
    public static Instant toInstant(long nanoTime) {
        return Instant.ofEpochSecond(0, toEpochNanos(nanoTime));
    }

    /**
     * Returns nanoseconds since the epoch of a monotonic clock reading.
     *
     * @param nanoTime a value of {@link System#nanoTime()} taken in this process
     * @return nanoseconds since 1970-01-01T00:00Z
     */
    public static long toEpochNanos(long nanoTime) {
        return ANCHOR_EPOCH_NANOS + (nanoTime - ANCHOR_NANO_TIME);
    }
}
