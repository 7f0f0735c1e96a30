package dev.llamatrace.autoconfigure.redaction;

/**
 * The maximal runs of a set of ASCII characters that hold at least a number of counted ones; see
 * {@link MatchScope#runsOf}.
 */
final class CharRuns implements MatchScope {

    private static final int ASCII = 128;

    private final boolean[] member = new boolean[ASCII];

    private final boolean[] counted = new boolean[ASCII];

    private final int minCount;

    /** The only counted character when one is enough (the e-mail rule's {@code @}), else {@code -1}. */
    private final int soleCounted;

    CharRuns(String chars, String counted, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, was " + minCount);
        }
        chars.chars().forEach((c) -> this.member[ascii(c, chars)] = true);
        counted.chars().forEach((c) -> {
            if (!this.member[ascii(c, counted)]) {
                throw new IllegalArgumentException("Counted character '" + (char) c + "' is not in '" + chars + "'");
            }
            this.counted[c] = true;
        });
        this.minCount = minCount;
        this.soleCounted = (minCount == 1 && counted.chars().distinct().count() == 1) ? counted.charAt(0) : -1;
    }

    private static int ascii(int c, String chars) {
        if (c >= ASCII) {
            throw new IllegalArgumentException("Only ASCII characters are supported, not in '" + chars + "'");
        }
        return c;
    }

    @Override
    public int start(String text, int from) {
        if (this.soleCounted >= 0) {
            return runAround(text, from, text.indexOf(this.soleCounted, from));
        }
        int length = text.length();
        int i = from;
        while (i < length) {
            while (i < length && !isMember(text.charAt(i))) {
                i++;
            }
            int runStart = i;
            int count = 0;
            char c;
            while (i < length && isMember(c = text.charAt(i))) {
                if (this.counted[c]) {
                    count++;
                }
                i++;
            }
            if (count >= this.minCount) {
                return runStart;
            }
        }
        return -1;
    }

    /**
     * Returns the start of the run holding a counted character, found by {@link String#indexOf(int, int)} (which scans
     * much faster than a loop over the characters); {@code from} is a run's end or 0, so the run starts at or after it.
     */
    private int runAround(String text, int from, int found) {
        if (found < 0) {
            return -1;
        }
        int start = found;
        while (start > from && isMember(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    @Override
    public int end(String text, int start) {
        int length = text.length();
        int i = start;
        while (i < length && isMember(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private boolean isMember(char c) {
        return c < ASCII && this.member[c];
    }
}
