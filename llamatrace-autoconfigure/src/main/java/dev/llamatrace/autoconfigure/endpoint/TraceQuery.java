package dev.llamatrace.autoconfigure.endpoint;

import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.trace.SimpleSpan;
import dev.llamatrace.core.trace.TraceTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;

/**
 * The query parameters of {@code GET /actuator/llamatrace/traces}: which traces to list, in which order, how many.
 * Every value is checked when parsed; a bad one throws {@link BadParameterException} naming the parameter.
 *
 * @param limit the most traces to list, or {@code null} for all
 * @param name only traces whose root span has exactly this name
 * @param errors only traces with ({@code true}) or without ({@code false}) a dropped span
 * @param minDuration only traces that lasted (or, while open, have run) at least this long
 * @param search only traces with a span whose name, tag key or tag value contains this text, ignoring case
 * @param sort the order
 * @param conversation only traces with a span in the conversation of this id
 */
record TraceQuery(
        @Nullable Integer limit,
        @Nullable String name,
        @Nullable Boolean errors,
        @Nullable Duration minDuration,
        @Nullable String search,
        Sort sort,
        @Nullable String conversation) {

    static final String LIMIT = "limit";

    static final String NAME = "name";

    static final String ERRORS = "errors";

    static final String MIN_DURATION = "minDuration";

    static final String SEARCH = "search";

    static final String SORT = "sort";

    static final String CONVERSATION = "conversation";

    /** All parameters, for the message that rejects them on other sections. */
    static final List<String> PARAMETERS = List.of(LIMIT, NAME, ERRORS, MIN_DURATION, SEARCH, SORT, CONVERSATION);

    /** The orders of the list. */
    enum Sort {

        /** The most recently started trace first. */
        NEWEST,

        /** The longest trace first; open traces by how long they have run so far. */
        SLOWEST;

        static final List<String> VALUES = List.of(NEWEST.value(), SLOWEST.value());

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Parses the parameters as given in the query string.
     *
     * @return the query
     * @throws BadParameterException naming the first parameter with a bad value
     */
    static TraceQuery parse(
            @Nullable String limit,
            @Nullable String name,
            @Nullable String errors,
            @Nullable String minDuration,
            @Nullable String search,
            @Nullable String sort,
            @Nullable String conversation) {
        return new TraceQuery(
                (limit != null) ? parseLimit(limit) : null,
                (name != null) ? notBlank(NAME, name) : null,
                (errors != null) ? parseErrors(errors) : null,
                (minDuration != null) ? parseDuration(minDuration) : null,
                (search != null) ? notBlank(SEARCH, search).toLowerCase(Locale.ROOT) : null,
                (sort != null) ? parseSort(sort) : Sort.NEWEST,
                (conversation != null) ? notBlank(CONVERSATION, conversation) : null);
    }

    /** The name of the first parameter given, in {@link #PARAMETERS} order, for sections that take none. */
    static @Nullable String firstGiven(@Nullable String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                return PARAMETERS.get(i);
            }
        }
        return null;
    }

    /**
     * Applies the query to traces given newest first.
     *
     * @param traces the traces, most recently started first
     * @return those that match, in order, at most {@link #limit()}
     */
    List<TraceTree> apply(List<TraceTree> traces) {
        List<TraceTree> matching = new ArrayList<>();
        for (TraceTree trace : traces) {
            if (matches(trace)) {
                matching.add(trace);
            }
        }
        if (this.sort == Sort.SLOWEST) {
            // Durations are read once: an open trace's grows while the list is sorted.
            Map<TraceTree, Duration> durations = new IdentityHashMap<>();
            matching.forEach((trace) -> durations.put(trace, trace.root().span().duration()));
            matching.sort(Comparator.comparing(durations::get).reversed());
        }
        return (this.limit != null && matching.size() > this.limit) ? matching.subList(0, this.limit) : matching;
    }

    private boolean matches(TraceTree trace) {
        SimpleSpan root = trace.root().span();
        if (this.name != null && !root.name().equals(this.name)) {
            return false;
        }
        if (this.minDuration != null && root.duration().compareTo(this.minDuration) < 0) {
            return false;
        }
        if (this.errors != null && hasError(trace) != this.errors) {
            return false;
        }
        if (this.conversation != null && !inConversation(trace, this.conversation)) {
            return false;
        }
        return this.search == null || Descriptors.spans(trace.root()).anyMatch(this::found);
    }

    /** Whether a span of the trace belongs to the conversation of id {@code id}. */
    static boolean inConversation(TraceTree trace, String id) {
        return Descriptors.spans(trace.root()).anyMatch((span) -> inConversation(span, id));
    }

    static boolean inConversation(SimpleSpan span, String id) {
        Conversation conversation = span.conversation();
        return conversation != null && id.equals(conversation.id());
    }

    private static boolean hasError(TraceTree trace) {
        return Descriptors.spans(trace.root()).anyMatch((span) -> span.outcome() == SimpleSpan.Outcome.DROPPED);
    }

    private boolean found(SimpleSpan span) {
        if (contains(span.name())) {
            return true;
        }
        for (Map.Entry<String, Object> tag : span.tags().entrySet()) {
            if (contains(tag.getKey()) || contains(String.valueOf(tag.getValue()))) {
                return true;
            }
        }
        return false;
    }

    private boolean contains(String text) {
        return this.search != null && text.toLowerCase(Locale.ROOT).contains(this.search);
    }

    private static int parseLimit(String value) {
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException ex) {
            // Rejected below, like a value below 1.
        }
        throw BadParameterException.invalid(LIMIT, value, "an integer of at least 1", List.of());
    }

    private static String notBlank(String parameter, String value) {
        if (value.isBlank()) {
            throw BadParameterException.invalid(parameter, value, "a non-blank text", List.of());
        }
        return value;
    }

    private static boolean parseErrors(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw BadParameterException.unknown(ERRORS, value, List.of("true", "false"));
        };
    }

    private static Duration parseDuration(String value) {
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(value.trim());
        } catch (IllegalArgumentException ex) {
            duration = null;
        }
        if (duration == null || duration.isNegative()) {
            throw BadParameterException.invalid(
                    MIN_DURATION, value, "a duration of at least 0 such as 250ms, 2s or PT1M", List.of());
        }
        return duration;
    }

    private static Sort parseSort(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        for (Sort sort : Sort.values()) {
            if (sort.value().equals(normalized)) {
                return sort;
            }
        }
        throw BadParameterException.unknown(SORT, value, Sort.VALUES);
    }
}
