package dev.llamatrace.core.event;

/** Where an event sits in the operation it reports on; lets handlers pair start and end events. */
public enum EventPhase {

    /** The operation started. */
    START,

    /** The operation made progress, e.g. a streamed chunk arrived. */
    IN_PROGRESS,

    /** The operation finished. */
    END,

    /** A standalone moment with no start or end. */
    INSTANT
}
