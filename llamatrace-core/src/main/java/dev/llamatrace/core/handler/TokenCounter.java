package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.EventPayload;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatRole;
import dev.llamatrace.core.llm.ToolCall;
import dev.llamatrace.core.token.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Counts the tokens of one LLM end payload as LlamaIndex's {@code TokenCounter} does: provider usage first, each side
 * falling back to the tokenizer on its own when the provider reported {@code 0} or nothing. The tokenizer is only
 * asked for, and only runs, for a side whose count the provider did not send.
 *
 * <p>A missing completion counts {@code 0} ({@link TokenSource#NONE}); LlamaIndex tokenizes the text {@code "None"}
 * there (1 token), which this port deliberately does not reproduce.
 */
final class TokenCounter {

    private TokenCounter() {}

    /**
     * Counts an LLM end payload.
     *
     * @return the count, or {@code null} when the payload has neither prompt, messages nor exception (e.g. the end of
     *     a predict wrapper, whose inner LLM call is counted on its own)
     */
    static @Nullable TokenCountingEvent countLlm(
            Map<String, ?> payload,
            String eventId,
            @Nullable String spanId,
            ModelRef model,
            Supplier<Tokenizer> tokenizer) {
        if (EventPayload.PROMPT.in(payload)) {
            Object prompt = EventPayload.PROMPT.get(payload);
            Object completion = EventPayload.COMPLETION.get(payload);
            ProviderUsage usage = ProviderUsage.of(completion);
            boolean promptFromUsage = usage.promptTokens() > 0;
            Tokenizer resolved = promptFromUsage ? null : tokenizer.get();
            String promptText = null;
            int promptTokens;
            if (resolved != null) {
                promptText = String.valueOf(prompt);
                promptTokens = resolved.countTokens(promptText);
            } else {
                promptTokens = (int) usage.promptTokens();
            }
            return event(
                    prompt,
                    false,
                    promptText,
                    promptTokens,
                    promptFromUsage,
                    completion,
                    usage,
                    eventId,
                    spanId,
                    model,
                    resolved,
                    tokenizer);
        }
        if (EventPayload.MESSAGES.in(payload)) {
            List<?> messages = asList(EventPayload.MESSAGES.get(payload));
            Object response = EventPayload.RESPONSE.get(payload);
            ProviderUsage usage = ProviderUsage.of(response);
            boolean promptFromUsage = usage.promptTokens() > 0;
            Tokenizer resolved = promptFromUsage ? null : tokenizer.get();
            int promptTokens =
                    (resolved != null) ? estimateTokensInMessages(messages, resolved) : (int) usage.promptTokens();
            // The joined prompt text is never tokenized (the estimate counts per message): the record renders it if
            // someone reads it.
            return event(
                    messages,
                    true,
                    null,
                    promptTokens,
                    promptFromUsage,
                    response,
                    usage,
                    eventId,
                    spanId,
                    model,
                    resolved,
                    tokenizer);
        }
        if (EventPayload.EXCEPTION.in(payload)) {
            // A failed call still records a zero entry; whether it was a completion is known from its start.
            return TokenCountingEvent.llm(
                    null,
                    false,
                    "",
                    null,
                    null,
                    0,
                    0,
                    eventId,
                    spanId,
                    model.name(),
                    model.provider(),
                    TokenSource.NONE,
                    TokenSource.NONE,
                    model.textCompletion(),
                    TokenUsageDetails.NONE);
        }
        return null;
    }

    private static TokenCountingEvent event(
            @Nullable Object prompt,
            boolean promptIsMessages,
            @Nullable String promptText,
            int promptTokens,
            boolean promptFromUsage,
            @Nullable Object completion,
            ProviderUsage usage,
            String eventId,
            @Nullable String spanId,
            ModelRef model,
            @Nullable Tokenizer resolved,
            Supplier<Tokenizer> tokenizer) {
        boolean textCompletion = !promptIsMessages;
        String completionText = null;
        int completionTokens;
        TokenSource completionSource;
        if (usage.completionTokens() > 0) {
            completionTokens = (int) usage.completionTokens();
            completionSource = TokenSource.PROVIDER;
        } else if (completion == null) {
            completionTokens = 0;
            completionSource = TokenSource.NONE;
        } else {
            // The completion is rendered only here, where the tokenizer needs its text. Reuse the prompt's tokenizer:
            // the model's tokenizer is resolved once per count, not once per side.
            completionText = String.valueOf(completion);
            completionTokens = ((resolved != null) ? resolved : tokenizer.get()).countTokens(completionText);
            completionSource = TokenSource.TOKENIZER;
        }
        return TokenCountingEvent.llm(
                prompt,
                promptIsMessages,
                promptText,
                completion,
                completionText,
                promptTokens,
                completionTokens,
                eventId,
                spanId,
                model.name(),
                model.provider(),
                promptFromUsage ? TokenSource.PROVIDER : TokenSource.TOKENIZER,
                completionSource,
                textCompletion,
                usage.details());
    }

    /**
     * Estimates the prompt tokens of chat messages: per message the tokens of its role and text content, plus name,
     * arguments and 3 per tool call, plus 3; minus 2 for tool and function messages. Other objects count as their text
     * plus 3.
     */
    static int estimateTokensInMessages(List<?> messages, Tokenizer tokenizer) {
        int tokens = 0;
        for (Object item : messages) {
            if (item instanceof ChatMessage message) {
                tokens += tokenizer.countRoleTokens(message.role());
                if (message.content() != null) {
                    tokens += tokenizer.countTokens(message.content());
                }
                for (ToolCall call : message.toolCalls()) {
                    tokens += tokenizer.countTokens(call.name()) + tokenizer.countTokens(call.arguments()) + 3;
                }
                if (message.role() == ChatRole.TOOL || message.role() == ChatRole.FUNCTION) {
                    tokens -= 2;
                }
            } else {
                tokens += tokenizer.countTokens(String.valueOf(item));
            }
            tokens += 3;
        }
        return tokens;
    }

    static List<?> asList(@Nullable Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        return (value != null) ? List.of(value) : List.of();
    }

    /**
     * The model an operation ran on.
     *
     * @param name the model name
     * @param provider the provider
     * @param textCompletion whether the operation is a text completion (its start carried a formatted prompt)
     */
    record ModelRef(String name, String provider, boolean textCompletion) {

        static final ModelRef UNKNOWN = new ModelRef("unknown", "unknown", false);

        ModelRef(String name, String provider) {
            this(name, provider, false);
        }

        ModelRef textCompletion(boolean textCompletion) {
            return (textCompletion == this.textCompletion)
                    ? this
                    : new ModelRef(this.name, this.provider, textCompletion);
        }
    }
}
