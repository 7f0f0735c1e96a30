package dev.llamatrace.core.handler;

import dev.llamatrace.core.content.ContentLimit;
import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventKind;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The token count of one LLM call, or of one embedded chunk. Immutable; compares by all its values like a record (its
 * event id and timestamp aside).
 *
 * <p>Counts travel on the bus: {@link TokenCountPublisher} dispatches one for every LLM end and every embedded chunk,
 * stamped with the {@linkplain #spanId() span} of the operation counted, and every consumer (the
 * {@link TokenCountingHandler}'s totals, meters, span attributes, the endpoint) subscribes to it as to any other event.
 *
 * <p>A count made by the handler keeps the payload's prompt (or chat messages) and completion objects and renders their
 * texts on first read: counting needs neither text when the provider reported usage, and building them cost more than
 * the rest of such a count (TokenCountingBenchmarks). The payload model is immutable, so the text read later is the
 * text at the time of the count.
 */
public final class TokenCountingEvent extends Event {

    private final @Nullable Object promptSource;

    private final boolean promptIsMessages;

    private final @Nullable Object completionSource;

    // Rendered on first read. Racing readers render the same text; a String is safe to publish without a fence.
    private @Nullable String promptText;

    private @Nullable String completionText;

    private final int promptTokenCount;

    private final int completionTokenCount;

    private final String eventId;

    private final String model;

    private final String provider;

    private final EventKind operation;

    private final TokenSource promptSourceKind;

    private final TokenSource completionSourceKind;

    private final boolean textCompletion;

    private final TokenUsageDetails details;

    // Set by the counting step before the count is dispatched, never after: readers see it as final.
    private @Nullable Cost cost;

    /**
     * Creates a count without usage details, recomputing the total.
     *
     * @param prompt the prompt text (chat messages rendered one per line), or the embedded chunk
     * @param completion the completion text ({@code role: text} for chat responses, as LlamaIndex counts it); empty
     *     when none
     * @param promptTokenCount prompt (or embedding) tokens
     * @param completionTokenCount completion tokens; {@code 0} for embeddings
     * @param totalTokenCount ignored; the total is always {@code promptTokenCount + completionTokenCount}
     * @param eventId the id of the event counted
     * @param model the model name, {@code unknown} when the start of the operation did not say
     * @param provider the provider, {@code unknown} when the start of the operation did not say
     * @param operation {@link EventKind#LLM} or {@link EventKind#EMBEDDING}
     * @param promptSource where the prompt count came from
     * @param completionSource where the completion count came from
     */
    public TokenCountingEvent(
            String prompt,
            String completion,
            int promptTokenCount,
            int completionTokenCount,
            int totalTokenCount,
            String eventId,
            String model,
            String provider,
            EventKind operation,
            TokenSource promptSource,
            TokenSource completionSource) {
        this(
                prompt,
                completion,
                promptTokenCount,
                completionTokenCount,
                eventId,
                model,
                provider,
                operation,
                promptSource,
                completionSource,
                TokenUsageDetails.NONE);
    }

    /**
     * Creates a count with the usage details a provider reported, computing the total.
     *
     * @param prompt the prompt text (chat messages rendered one per line), or the embedded chunk
     * @param completion the completion text; empty when none
     * @param promptTokenCount prompt (or embedding) tokens, cached ones included
     * @param completionTokenCount completion tokens, reasoning ones included; {@code 0} for embeddings
     * @param eventId the id of the event counted
     * @param model the model name, {@code unknown} when the start of the operation did not say
     * @param provider the provider, {@code unknown} when the start of the operation did not say
     * @param operation {@link EventKind#LLM} or {@link EventKind#EMBEDDING}
     * @param promptSource where the prompt count came from
     * @param completionSource where the completion count came from
     * @param details cached input, cache write and reasoning tokens the provider reported
     */
    public TokenCountingEvent(
            String prompt,
            String completion,
            int promptTokenCount,
            int completionTokenCount,
            String eventId,
            String model,
            String provider,
            EventKind operation,
            TokenSource promptSource,
            TokenSource completionSource,
            TokenUsageDetails details) {
        this(
                prompt,
                false,
                completion,
                prompt,
                completion,
                promptTokenCount,
                completionTokenCount,
                eventId,
                model,
                provider,
                operation,
                promptSource,
                completionSource,
                false,
                details,
                null);
    }

    private TokenCountingEvent(
            @Nullable Object promptSource,
            boolean promptIsMessages,
            @Nullable Object completionSource,
            @Nullable String promptText,
            @Nullable String completionText,
            int promptTokenCount,
            int completionTokenCount,
            String eventId,
            String model,
            String provider,
            EventKind operation,
            TokenSource promptSourceKind,
            TokenSource completionSourceKind,
            boolean textCompletion,
            TokenUsageDetails details,
            @Nullable String spanId) {
        super(spanId);
        this.promptSource = promptSource;
        this.promptIsMessages = promptIsMessages;
        this.completionSource = completionSource;
        this.promptText = promptText;
        this.completionText = completionText;
        this.promptTokenCount = promptTokenCount;
        this.completionTokenCount = completionTokenCount;
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.model = Objects.requireNonNull(model, "model");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.promptSourceKind = Objects.requireNonNull(promptSourceKind, "promptSource");
        this.completionSourceKind = Objects.requireNonNull(completionSourceKind, "completionSource");
        this.textCompletion = textCompletion;
        this.details = Objects.requireNonNull(details, "details");
    }

    /** A reduced copy: the same event (id, time, span, tags, conversation), counts and cost, with the given texts. */
    private TokenCountingEvent(TokenCountingEvent original, String promptText, String completionText) {
        super(original);
        this.promptSource = null;
        this.promptIsMessages = false;
        this.completionSource = null;
        this.promptText = promptText;
        this.completionText = completionText;
        this.promptTokenCount = original.promptTokenCount;
        this.completionTokenCount = original.completionTokenCount;
        this.eventId = original.eventId;
        this.model = original.model;
        this.provider = original.provider;
        this.operation = original.operation;
        this.promptSourceKind = original.promptSourceKind;
        this.completionSourceKind = original.completionSourceKind;
        this.textCompletion = original.textCompletion;
        this.details = original.details;
        this.cost = original.cost;
    }

    /**
     * Creates an LLM count whose texts are rendered when first read.
     *
     * @param prompt the prompt object, rendered with {@code String.valueOf}, or the chat messages when
     *     {@code promptIsMessages}, rendered one per line
     * @param promptText the prompt text when already rendered
     * @param completion the completion object, rendered with {@code String.valueOf}; {@code null} renders empty
     * @param completionText the completion text when already rendered
     * @param textCompletion whether the call was a text completion rather than a chat
     */
    static TokenCountingEvent llm(
            @Nullable Object prompt,
            boolean promptIsMessages,
            @Nullable String promptText,
            @Nullable Object completion,
            @Nullable String completionText,
            int promptTokenCount,
            int completionTokenCount,
            String eventId,
            @Nullable String spanId,
            String model,
            String provider,
            TokenSource promptSource,
            TokenSource completionSource,
            boolean textCompletion,
            TokenUsageDetails details) {
        return new TokenCountingEvent(
                prompt,
                promptIsMessages,
                completion,
                promptText,
                (completion != null) ? completionText : "",
                promptTokenCount,
                completionTokenCount,
                eventId,
                model,
                provider,
                EventKind.LLM,
                promptSource,
                completionSource,
                textCompletion,
                details,
                spanId);
    }

    /**
     * Creates the count of an embedding: one embedded chunk counted by the tokenizer, or all the texts of a call
     * whose provider reported its usage.
     */
    static TokenCountingEvent embedding(
            String chunk,
            int tokens,
            String eventId,
            @Nullable String spanId,
            String model,
            String provider,
            TokenSource source) {
        return new TokenCountingEvent(
                chunk,
                false,
                "",
                chunk,
                "",
                tokens,
                0,
                eventId,
                model,
                provider,
                EventKind.EMBEDDING,
                source,
                TokenSource.NONE,
                false,
                TokenUsageDetails.NONE,
                spanId);
    }

    /**
     * Returns the prompt text: chat messages rendered one per line, or the embedded chunk.
     *
     * @return the prompt text
     */
    public String prompt() {
        String text = this.promptText;
        if (text == null) {
            text = this.promptIsMessages
                    ? join(TokenCounter.asList(this.promptSource))
                    : String.valueOf(this.promptSource);
            this.promptText = text;
        }
        return text;
    }

    /**
     * Returns the completion text ({@code role: text} for chat responses, as LlamaIndex counts it).
     *
     * @return the completion text; empty when none
     */
    public String completion() {
        String text = this.completionText;
        if (text == null) {
            text = String.valueOf(this.completionSource);
            this.completionText = text;
        }
        return text;
    }

    /**
     * Returns this count as a handler keeps it under a content limit: the same counts with the texts cut, or without
     * texts (empty) when no content is kept. The prompt and completion objects are not kept either way.
     *
     * @param content the limit
     * @return this count under {@link ContentLimit#ALL}, else a reduced copy
     */
    public TokenCountingEvent kept(ContentLimit content) {
        if (content.keepsObjects()) {
            return this;
        }
        String prompt = content.retained() ? content.text(prompt()) : "";
        String completion = content.retained() ? content.text(completion()) : "";
        return new TokenCountingEvent(this, (prompt != null) ? prompt : "", (completion != null) ? completion : "");
    }

    /** Attaches the cost of the call; the counting step does so before it dispatches the count. */
    TokenCountingEvent priced(@Nullable Cost cost) {
        this.cost = cost;
        return this;
    }

    /**
     * Returns what the call cost: as the provider reported it, else computed from these counts with the counting
     * step's price table.
     *
     * @return the cost, or {@code null} when the model is unpriced (or no price table was given)
     */
    public @Nullable Cost cost() {
        return this.cost;
    }

    /**
     * Returns the prompt (or embedding) tokens.
     *
     * @return the prompt tokens
     */
    public int promptTokenCount() {
        return this.promptTokenCount;
    }

    /**
     * Returns the completion tokens.
     *
     * @return the completion tokens; {@code 0} for embeddings
     */
    public int completionTokenCount() {
        return this.completionTokenCount;
    }

    /**
     * Returns the total tokens.
     *
     * @return always {@code promptTokenCount() + completionTokenCount()}
     */
    public int totalTokenCount() {
        return this.promptTokenCount + this.completionTokenCount;
    }

    /**
     * Returns the id of the event counted: the callback event id, or for built-in events the span id. The span the
     * count belongs to is {@link #spanId()}.
     *
     * @return the event id
     */
    public String eventId() {
        return this.eventId;
    }

    /**
     * Returns the model name.
     *
     * @return the model, {@code unknown} when the start of the operation did not say
     */
    public String model() {
        return this.model;
    }

    /**
     * Returns the provider.
     *
     * @return the provider, {@code unknown} when the start of the operation did not say
     */
    public String provider() {
        return this.provider;
    }

    /**
     * Returns the operation counted.
     *
     * @return {@link EventKind#LLM} or {@link EventKind#EMBEDDING}
     */
    public EventKind operation() {
        return this.operation;
    }

    /**
     * Returns whether the LLM call counted was a text completion (a prompt string) rather than a chat (messages), as
     * the payload of the call or, for a failed call, of its start said.
     *
     * @return {@code true} for a text completion; {@code false} for a chat or an embedding
     */
    public boolean isTextCompletion() {
        return this.textCompletion;
    }

    /**
     * Returns where the prompt count came from.
     *
     * @return the prompt source
     */
    public TokenSource promptSource() {
        return this.promptSourceKind;
    }

    /**
     * Returns where the completion count came from.
     *
     * @return the completion source
     */
    public TokenSource completionSource() {
        return this.completionSourceKind;
    }

    /**
     * Returns where the count came from as a whole: {@link TokenSource#TOKENIZER} when either side was estimated,
     * else {@link TokenSource#PROVIDER} when the provider reported it, else {@link TokenSource#NONE} (nothing to
     * count, e.g. a failed call).
     *
     * @return the source of the count
     */
    public TokenSource source() {
        return TokenSource.of(this.promptSourceKind, this.completionSourceKind);
    }

    /**
     * Returns the parts of the count the provider reported beyond input and output.
     *
     * @return the details, {@link TokenUsageDetails#NONE} when none were reported
     */
    public TokenUsageDetails details() {
        return this.details;
    }

    /**
     * Returns the input tokens read from the provider's prompt cache, a part of {@link #promptTokenCount()}.
     *
     * @return the cached input tokens, {@code 0} when none were reported
     */
    public int cachedInputTokenCount() {
        return this.details.cachedInputTokens();
    }

    /**
     * Returns the input tokens written to the provider's prompt cache, a part of {@link #promptTokenCount()}.
     *
     * @return the cache write tokens, {@code 0} when none were reported
     */
    public int cacheWriteInputTokenCount() {
        return this.details.cacheWriteInputTokens();
    }

    /**
     * Returns the output tokens spent reasoning, a part of {@link #completionTokenCount()}.
     *
     * @return the reasoning tokens, {@code 0} when none were reported
     */
    public int reasoningTokenCount() {
        return this.details.reasoningTokens();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof TokenCountingEvent that
                && this.promptTokenCount == that.promptTokenCount
                && this.completionTokenCount == that.completionTokenCount
                && this.textCompletion == that.textCompletion
                && this.eventId.equals(that.eventId)
                && this.model.equals(that.model)
                && this.provider.equals(that.provider)
                && this.operation == that.operation
                && this.promptSourceKind == that.promptSourceKind
                && this.completionSourceKind == that.completionSourceKind
                && this.details.equals(that.details)
                && Objects.equals(this.cost, that.cost)
                && prompt().equals(that.prompt())
                && completion().equals(that.completion());
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                prompt(),
                completion(),
                this.promptTokenCount,
                this.completionTokenCount,
                totalTokenCount(),
                this.eventId,
                this.model,
                this.provider,
                this.operation,
                this.promptSourceKind,
                this.completionSourceKind,
                this.textCompletion,
                this.details,
                this.cost);
    }

    @Override
    public String toString() {
        return "TokenCountingEvent[prompt=" + prompt() + ", completion=" + completion() + ", promptTokenCount="
                + this.promptTokenCount + ", completionTokenCount=" + this.completionTokenCount + ", totalTokenCount="
                + totalTokenCount() + ", eventId=" + this.eventId + ", model=" + this.model + ", provider="
                + this.provider + ", operation=" + this.operation + ", promptSource=" + this.promptSourceKind
                + ", completionSource=" + this.completionSourceKind + ", details=" + this.details + ", cost="
                + this.cost + "]";
    }

    private static String join(List<?> messages) {
        // One message (the common chat prompt) is its own text; more are joined into a builder sized up front: a
        // growing one copied a 4 KB prompt several times (TokenCountingBenchmarks).
        if (messages.size() == 1) {
            return String.valueOf(messages.get(0));
        }
        String[] texts = new String[messages.size()];
        int length = 0;
        int i = 0;
        for (Object message : messages) {
            texts[i] = String.valueOf(message);
            length += texts[i++].length() + 1;
        }
        StringBuilder text = new StringBuilder(length);
        for (String part : texts) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(part);
        }
        return text.toString();
    }
}
