package dev.llamatrace.autoconfigure.redaction;

import java.util.List;

/** From the first occurrence of any of a few texts to the end of the text; see {@link MatchScope#fromFirst}. */
final class FirstPrefix implements MatchScope {

    private final boolean ignoreCase;

    private final String[] prefixes;

    FirstPrefix(boolean ignoreCase, List<String> prefixes) {
        if (prefixes.isEmpty() || prefixes.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Prefixes must be given and not empty, were " + prefixes);
        }
        this.ignoreCase = ignoreCase;
        this.prefixes = prefixes.stream()
                .map((prefix) -> ignoreCase ? lowerAscii(prefix) : prefix)
                .toArray(String[]::new);
    }

    @Override
    public int start(String text, int from) {
        int first = -1;
        for (String prefix : this.prefixes) {
            int found = this.ignoreCase ? indexOfIgnoringAsciiCase(text, prefix, from) : text.indexOf(prefix, from);
            if (found >= 0 && (first < 0 || found < first)) {
                first = found;
            }
        }
        return first;
    }

    @Override
    public int end(String text, int start) {
        return text.length();
    }

    /**
     * The case-insensitive match of a pattern's {@code (?i)}: the case of ASCII letters only. The candidates are found
     * by {@link String#indexOf(int, int)} for each case of the first character, which scans faster than a loop here.
     */
    private static int indexOfIgnoringAsciiCase(String text, String lowerPrefix, int from) {
        int last = text.length() - lowerPrefix.length();
        char lowerHead = lowerPrefix.charAt(0);
        char upperHead = upper(lowerHead);
        int lower = text.indexOf(lowerHead, from);
        int upper = (upperHead != lowerHead) ? text.indexOf(upperHead, from) : -1;
        while (lower >= 0 || upper >= 0) {
            int at = (lower < 0 || (upper >= 0 && upper < lower)) ? upper : lower;
            if (at > last) {
                return -1;
            }
            if (matchesAt(text, at, lowerPrefix)) {
                return at;
            }
            if (at == lower) {
                lower = text.indexOf(lowerHead, at + 1);
            } else {
                upper = text.indexOf(upperHead, at + 1);
            }
        }
        return -1;
    }

    private static boolean matchesAt(String text, int at, String lowerPrefix) {
        for (int j = 1; j < lowerPrefix.length(); j++) {
            if (lower(text.charAt(at + j)) != lowerPrefix.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
    }

    private static char upper(char c) {
        return (c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c;
    }

    private static String lowerAscii(String text) {
        StringBuilder result = new StringBuilder(text.length());
        text.chars().forEach((c) -> result.append(lower((char) c)));
        return result.toString();
    }
}
