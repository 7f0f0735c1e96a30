package dev.llamatrace.core.callback;

/**
 * Timing statistics over event pairs.
 *
 * @param totalSecs the summed duration of all pairs, in seconds
 * @param averageSecs {@code totalSecs / totalCount}, {@code 0} when there are no pairs
 * @param totalCount the number of pairs
 */
public record EventStats(double totalSecs, double averageSecs, int totalCount) {

    /** The statistics of no events. */
    public static final EventStats EMPTY = new EventStats(0, 0, 0);
}
