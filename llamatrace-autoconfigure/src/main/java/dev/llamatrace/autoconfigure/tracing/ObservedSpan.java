package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * A llamatrace span as the tracing bridge keeps it: with the observation standing for it. That is either an
 * observation the bridge started (a llamatrace-native span) or, for a span mirroring an observation of its own (Spring
 * AI's), that observation's context, which the bridge only enriches: its owner starts, stops and exports it.
 */
public final class ObservedSpan extends Span {

    private final Observation.Context context;

    private final @Nullable Observation observation;

    private final long startNanos;

    private final boolean openInference;

    private final boolean remoteParent;

    private volatile boolean kindSet;

    private volatile boolean firstChunkSeen;

    // Embedding counts of the tokenizer arrive one per text; the span shows their sum, of tokens and of cost.
    private long embeddingTokens;

    private @Nullable Cost embeddingCost;

    private ObservedSpan(
            SpanInvocation invocation,
            Observation.Context context,
            @Nullable Observation observation,
            boolean openInference) {
        super(invocation);
        this.context = context;
        this.observation = observation;
        this.startNanos = invocation.startNanos();
        this.openInference = openInference;
        SpanInvocation parent = invocation.parent();
        this.remoteParent = parent != null && parent.isRemote();
    }

    /** A span whose observation the bridge started and stops. */
    static ObservedSpan owned(SpanInvocation invocation, Observation observation, boolean openInference) {
        return new ObservedSpan(invocation, observation.getContext(), observation, openInference);
    }

    /** A span mirroring an observation someone else owns; only its attributes are added to. */
    static ObservedSpan mirrored(SpanInvocation invocation, Observation.Context context, boolean openInference) {
        return new ObservedSpan(invocation, context, null, openInference);
    }

    /** Returns whether the span carries the OpenInference attributes beside the GenAI ones. */
    boolean openInference() {
        return this.openInference;
    }

    /** Returns whether the span's parent ran in another process (restored from a propagation context). */
    boolean remoteParent() {
        return this.remoteParent;
    }

    /** Returns the context of the observation standing for this span: the bridge's own or the mirrored one. */
    Observation.Context context() {
        return this.context;
    }

    /** Returns when the llamatrace span started, in {@link System#nanoTime()} terms. */
    long startNanos() {
        return this.startNanos;
    }

    /** Returns {@code true} the first time it is called: the span's first chunk. */
    boolean claimFirstChunk() {
        if (this.firstChunkSeen) {
            return false;
        }
        this.firstChunkSeen = true;
        return true;
    }

    /** Adds an embedding count and returns the span's embedding tokens so far. */
    synchronized long addEmbeddingTokens(int tokens) {
        this.embeddingTokens += tokens;
        return this.embeddingTokens;
    }

    /**
     * Adds the cost of an embedding count and returns the span's embedding cost so far; a cost in a second currency is
     * left out, as the span has one currency attribute.
     */
    synchronized @Nullable Cost addEmbeddingCost(@Nullable Cost cost) {
        Cost sum = this.embeddingCost;
        if (cost != null && (sum == null || sum.currency().equals(cost.currency()))) {
            this.embeddingCost = (sum != null) ? sum.plus(cost) : cost;
        }
        return this.embeddingCost;
    }

    /** Returns whether the observation already carries an attribute (e.g. one its owner's convention set). */
    boolean has(String key) {
        return this.context.getHighCardinalityKeyValue(key) != null;
    }

    /** Returns the observation the bridge started, or {@code null} for a mirrored one. */
    @Nullable
    Observation observation() {
        return this.observation;
    }

    /**
     * Adds a span attribute (a high-cardinality key-value: never a meter tag), unless the observation carries it with
     * the same value already (as a mirrored observation's owner often does: model, provider, operation, tokens).
     */
    void put(String key, String value) {
        KeyValue present = present(key);
        if (present == null || !present.getValue().equals(value)) {
            this.context.addHighCardinalityKeyValue(KeyValue.of(key, value));
        }
    }

    /** Adds a numeric span attribute, rendering it only when the observation does not carry the same number. */
    void put(String key, long value) {
        KeyValue present = present(key);
        if (present == null || !isNumber(present.getValue(), value)) {
            this.context.addHighCardinalityKeyValue(KeyValue.of(key, Long.toString(value)));
        }
    }

    private @Nullable KeyValue present(String key) {
        KeyValue high = this.context.getHighCardinalityKeyValue(key);
        return (high != null) ? high : this.context.getLowCardinalityKeyValue(key);
    }

    /** Whether {@code text} is the decimal rendering of {@code value}, decided without allocating. */
    static boolean isNumber(String text, long value) {
        int length = text.length();
        if (length == 0 || length > 19 || value < 0) {
            return false;
        }
        long parsed = 0;
        for (int i = 0; i < length; i++) {
            char digit = text.charAt(i);
            if (digit < '0' || digit > '9' || (digit == '0' && i == 0 && length > 1)) {
                return false;
            }
            parsed = parsed * 10 + (digit - '0');
        }
        return parsed == value;
    }

    /** Adds an OpenInference attribute, when the span carries them ({@link #put(String, String)}). */
    void putOpenInference(String key, String value) {
        if (this.openInference) {
            put(key, value);
        }
    }

    /** Adds a numeric OpenInference attribute, when the span carries them ({@link #put(String, long)}). */
    void putOpenInference(String key, long value) {
        if (this.openInference) {
            put(key, value);
        }
    }

    /**
     * Sets the OpenInference span kind, when the span carries OpenInference attributes. On the bridge's own
     * observations it is the one low-cardinality key-value (a bounded tag of their timer); on a mirrored observation
     * it is high-cardinality, so its owner's meters keep their tags.
     */
    void putKind(String key, String kind) {
        if (!this.openInference) {
            return;
        }
        if (this.observation != null) {
            this.context.addLowCardinalityKeyValue(KeyValue.of(key, kind));
        } else {
            put(key, kind);
        }
    }

    /** Sets the span kind unless an earlier event already did; the first operation inside a span names it. */
    boolean claimKind() {
        if (this.kindSet) {
            return false;
        }
        this.kindSet = true;
        return true;
    }

    /** Returns whether an event set the kind (the span is more than a plain chain). */
    boolean kindClaimed() {
        return this.kindSet;
    }
}
