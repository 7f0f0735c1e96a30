package dev.llamatrace.core.llm;

import java.util.Locale;

/** Who wrote a chat message. */
public enum ChatRole {

    /** Instructions for the model. */
    SYSTEM,

    /** The user. */
    USER,

    /** The model. */
    ASSISTANT,

    /** The result of a tool call. */
    TOOL,

    /** The result of a legacy function call. */
    FUNCTION;

    /**
     * Returns the role as OpenAI-style APIs spell it, e.g. {@code assistant}.
     *
     * @return the lower-case value
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
