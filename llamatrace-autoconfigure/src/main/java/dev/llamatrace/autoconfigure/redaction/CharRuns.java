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
    }

    private static int ascii(int c, String chars) {
        if (c >= ASCII) {
            throw new IllegalArgumentException("Only ASCII characters are supported, not in '" + chars + "'");
        }
        return c;
    }

    @Override
    public int start(String text, int from) {
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
