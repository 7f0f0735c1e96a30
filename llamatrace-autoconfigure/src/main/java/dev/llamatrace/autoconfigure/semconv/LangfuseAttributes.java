package dev.llamatrace.autoconfigure.semconv;

/**
 * Attribute keys Langfuse reads from OTLP spans; they take precedence there over the GenAI and OpenInference ones, so
 * sessions and users show in Langfuse's own views.
 */
public final class LangfuseAttributes {

    /** The session (conversation) a span belongs to. */
    public static final String SESSION_ID = "langfuse.session.id";

    /** The user a span works for. */
    public static final String USER_ID = "langfuse.user.id";

    private LangfuseAttributes() {}
}
