package dev.llamatrace.autoconfigure.redaction;

import java.util.List;

/**
 * The stretches of a text a {@link RedactionRule}'s matches can lie in, found by a cheap scan so that the pattern runs
 * only there and not at every position of a long captured value. The rule's pattern runs in each stretch with
 * transparent bounds (look-arounds and {@code \b} see the text around it), so a scope changes no match, only the
 * time to find them; it must therefore never leave out a place where a match of the pattern could lie (or one that the
 * rule's check could accept).
 */
public interface MatchScope {

    /** The whole text: the pattern runs everywhere. */
    MatchScope WHOLE_TEXT = new MatchScope() {

        @Override
        public int start(String text, int from) {
            return (from == 0) ? 0 : -1;
        }

        @Override
        public int end(String text, int start) {
            return text.length();
        }
    };

    /**
     * Returns the start of the first stretch at or after a position.
     *
     * @param text the text
     * @param from where to look from, at most the text's length
     * @return the stretch's start, {@code -1} when there is none
     */
    int start(String text, int from);

    /**
     * Returns the end of the stretch starting at a position.
     *
     * @param text the text
     * @param start a start returned by {@link #start}
     * @return the stretch's end (exclusive); the next stretch starts at or after it
     */
    int end(String text, int start);

    /**
     * Returns the scope of a pattern whose matches consist only of the given (ASCII) characters and hold at least
     * {@code minCount} of the counted ones (counting those the rule's check needs is allowed too, e.g. the digits of a
     * phone number): the maximal runs of those characters that hold enough counted ones.
     *
     * @param chars every character a match can contain, ASCII only
     * @param counted the characters to count, a subset of {@code chars}
     * @param minCount how many of them a match holds at least, at least 1
     * @return the scope
     */
    static MatchScope runsOf(String chars, String counted, int minCount) {
        return new CharRuns(chars, counted, minCount);
    }

    /**
     * Returns the scope of a pattern whose matches each start with one of the given texts: from the first occurrence of
     * any of them to the end of the text.
     *
     * @param ignoreCase whether the texts are matched case-insensitively (as the pattern's {@code (?i)} does)
     * @param prefixes the texts a match starts with, not empty
     * @return the scope
     */
    static MatchScope fromFirst(boolean ignoreCase, String... prefixes) {
        return new FirstPrefix(ignoreCase, List.of(prefixes));
    }
}
