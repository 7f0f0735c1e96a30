package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The low-cardinality {@code error.type} values of one meter: the fully qualified class of the error, as the
 * conventions recommend, for the first {@value #MAX_ERROR_TYPES} distinct classes; every later one is
 * {@value GenAiAttributes#ERROR_TYPE_OTHER}, so errors cannot grow the series without bound.
 */
final class ErrorTypes {

    /** How many distinct error classes get their own value. */
    static final int MAX_ERROR_TYPES = 32;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private final int max;

    ErrorTypes() {
        this(MAX_ERROR_TYPES);
    }

    ErrorTypes(int max) {
        this.max = max;
    }

    String of(Throwable error) {
        String type = error.getClass().getName();
        if (this.seen.contains(type)) {
            return type;
        }
        if (this.seen.size() < this.max) {
            this.seen.add(type);
            return type;
        }
        return GenAiAttributes.ERROR_TYPE_OTHER;
    }
}
