package dev.llamatrace.core.handler;

/** Where one side (prompt or completion) of a token count came from. */
public enum TokenSource {

    /** The provider reported it in the response's usage. */
    PROVIDER,

    /** The local tokenizer counted it, because the provider reported none for that side. */
    TOKENIZER,

    /** There was nothing to count (e.g. a failed call, or a stream that yielded no chunk): the count is 0. */
    NONE
}
