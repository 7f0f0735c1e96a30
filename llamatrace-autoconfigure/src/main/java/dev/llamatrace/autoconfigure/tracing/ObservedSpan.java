package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.core.span.Span;
import io.micrometer.observation.Observation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A llamatrace span as the tracing bridge keeps it: with the observation standing for it. */
public final class ObservedSpan extends Span {

    private final Observation observation;

    private volatile boolean kindSet;

    ObservedSpan(String id, @Nullable String parentId, Map<String, Object> tags, Observation observation) {
        super(id, parentId, tags);
        this.observation = observation;
    }

    Observation observation() {
        return this.observation;
    }

    /** Sets the span kind unless an earlier event already did; the first operation inside a span names it. */
    boolean claimKind() {
        if (this.kindSet) {
            return false;
        }
        this.kindSet = true;
        return true;
    }
}
