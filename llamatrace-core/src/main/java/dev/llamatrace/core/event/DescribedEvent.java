package dev.llamatrace.core.event;

/**
 * An event that lists its fields in LlamaIndex's payload vocabulary, so that the legacy callback API can hand it to
 * callback handlers with the payload LlamaIndex would send, without knowing the event's class.
 */
public interface DescribedEvent {

    /**
     * Hands each field this event carries to {@code fields}.
     *
     * @param fields receives the fields
     */
    void describeTo(EventFields fields);
}
