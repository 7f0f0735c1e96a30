package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackHandler;
import dev.llamatrace.core.callback.EventPayload;
import dev.llamatrace.core.content.ContentLimit;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.CompletionResponse;
import dev.llamatrace.core.llm.RequestKeys;
import java.io.IOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Records the inputs and answers of LLM calls and writes them as JSONL in OpenAI's chat fine-tuning format
 * ({@code {"messages": [...]}} per line, plus {@code tools} / {@code functions} when the call offered any, read from
 * {@link RequestKeys#TOOLS} / {@link RequestKeys#FUNCTIONS} of the start's additional kwargs).
 *
 * <p>Differences from LlamaIndex: at most {@code maxExamples} calls are retained (oldest dropped, counted); completion
 * calls take their answer from {@code completion} (LlamaIndex fails on them); a failed call is discarded; only calls
 * that ended with an answer are written.
 */
public final class OpenAIFineTuningHandler implements CallbackHandler {

    /** Default cap on retained calls. */
    public static final int DEFAULT_MAX_EXAMPLES = 1_000;

    private static final System.Logger LOGGER = System.getLogger(OpenAIFineTuningHandler.class.getName());

    private final int maxExamples;

    private final LinkedHashMap<String, FineTuningExample> examples = new LinkedHashMap<>();

    private final OpenAIChatFormat format = new OpenAIChatFormat();

    private long evicted;

    private final ContentLimit content;

    /** Rewrites each message's text before it is cut and kept (a redaction), or {@code null} for none. */
    private final @Nullable UnaryOperator<String> redaction;

    /** Creates a handler retaining at most {@value #DEFAULT_MAX_EXAMPLES} calls. */
    public OpenAIFineTuningHandler() {
        this(DEFAULT_MAX_EXAMPLES);
    }

    /**
     * Creates a handler.
     *
     * @param maxExamples the cap on retained calls, at least 1
     */
    public OpenAIFineTuningHandler(int maxExamples) {
        this(maxExamples, ContentLimit.ALL);
    }

    /**
     * Creates a handler that cuts what it keeps when it records a call: each message's text as {@code content} keeps
     * it. Examples are content, so under {@link ContentLimit#NONE} no call is recorded at all.
     *
     * @param maxExamples the cap on retained calls, at least 1
     * @param content how much of each message is kept
     */
    public OpenAIFineTuningHandler(int maxExamples, ContentLimit content) {
        this(maxExamples, content, null);
    }

    /**
     * Creates a handler that rewrites each message's text (e.g. redacts it) and then cuts it when it records a call.
     *
     * @param maxExamples the cap on retained calls, at least 1
     * @param content how much of each message is kept
     * @param redaction rewrites each message's text before it is cut, or {@code null} to keep it as sent
     */
    public OpenAIFineTuningHandler(int maxExamples, ContentLimit content, @Nullable UnaryOperator<String> redaction) {
        this.maxExamples = BoundedBuffer.requirePositive(maxExamples, "maxExamples");
        this.content = Objects.requireNonNull(content, "content");
        this.redaction = redaction;
    }

    @Override
    public void onEventStart(CBEventType type, Map<String, Object> payload, String eventId, @Nullable String parentId) {
        if (type != CBEventType.LLM || !this.content.retained()) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (EventPayload.PROMPT.in(payload)) {
            messages.add(ChatMessage.user(String.valueOf(EventPayload.PROMPT.get(payload))));
        } else {
            for (Object message : TokenCounter.asList(EventPayload.MESSAGES.get(payload))) {
                messages.add((message instanceof ChatMessage chat) ? chat : ChatMessage.user(String.valueOf(message)));
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        messages.replaceAll(this::kept);
        Map<?, ?> kwargs = (EventPayload.ADDITIONAL_KWARGS.get(payload) instanceof Map<?, ?> map) ? map : Map.of();
        synchronized (this.examples) {
            FineTuningExample known = this.examples.get(eventId);
            if (known != null) {
                messages.addAll(0, known.messages());
            } else if (this.examples.size() == this.maxExamples) {
                Iterator<String> oldest = this.examples.keySet().iterator();
                oldest.next();
                oldest.remove();
                this.evicted++;
            }
            this.examples.put(
                    eventId,
                    new FineTuningExample(
                            eventId, messages, null, kwargs.get(RequestKeys.TOOLS), kwargs.get(RequestKeys.FUNCTIONS)));
        }
    }

    @Override
    public void onEventEnd(CBEventType type, Map<String, Object> payload, String eventId) {
        if (type != CBEventType.LLM) {
            return;
        }
        synchronized (this.examples) {
            FineTuningExample example = this.examples.get(eventId);
            if (example == null) {
                return;
            }
            if (EventPayload.EXCEPTION.in(payload)) {
                this.examples.remove(eventId);
                return;
            }
            Object answer = EventPayload.RESPONSE.in(payload)
                    ? EventPayload.RESPONSE.get(payload)
                    : EventPayload.COMPLETION.get(payload);
            ChatMessage response = answer(answer);
            response = (response != null) ? kept(response) : null;
            if (response != null) {
                this.examples.put(
                        eventId,
                        new FineTuningExample(
                                eventId, example.messages(), response, example.tools(), example.functions()));
            }
        }
    }

    private ChatMessage kept(ChatMessage message) {
        String text = message.content();
        if (text == null || (this.redaction == null && this.content.keepsObjects())) {
            return message;
        }
        if (this.redaction != null) {
            text = this.redaction.apply(text);
        }
        return new ChatMessage(
                message.role(),
                this.content.keepsObjects() ? text : this.content.text(text),
                message.toolCalls(),
                message.toolCallId(),
                message.name());
    }

    private static @Nullable ChatMessage answer(@Nullable Object answer) {
        if (answer instanceof ChatResponse chat) {
            return chat.message();
        }
        if (answer instanceof CompletionResponse completion) {
            return ChatMessage.assistant(completion.text());
        }
        if (answer instanceof ChatMessage message) {
            return message;
        }
        return (answer != null) ? ChatMessage.assistant(String.valueOf(answer)) : null;
    }

    /**
     * Returns the retained calls in the order they started, including calls still running.
     *
     * @return a snapshot
     */
    public List<FineTuningExample> getFinetuningEvents() {
        synchronized (this.examples) {
            return List.copyOf(this.examples.values());
        }
    }

    /**
     * Writes every call that ended with an answer as one JSON line.
     *
     * @param writer where to write; not closed
     * @return the number of lines written
     * @throws IOException when writing fails
     */
    public int writeJsonl(Writer writer) throws IOException {
        int count = 0;
        for (FineTuningExample example : getFinetuningEvents()) {
            if (example.response() != null) {
                writer.write(this.format.line(example));
                writer.write('\n');
                count++;
            }
        }
        writer.flush();
        return count;
    }

    /**
     * Writes every call that ended with an answer to a UTF-8 file, replacing it.
     *
     * @param path the file
     * @return the number of lines written
     * @throws IOException when writing fails
     */
    public int writeJsonl(Path path) throws IOException {
        int count;
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            count = writeJsonl(writer);
        }
        LOGGER.log(Level.INFO, "Wrote " + count + " examples to " + path);
        return count;
    }

    /**
     * Returns how many calls were dropped at the cap.
     *
     * @return the eviction count
     */
    public long evictedExamples() {
        synchronized (this.examples) {
            return this.evicted;
        }
    }

    /** Forgets every retained call. */
    public void clear() {
        synchronized (this.examples) {
            this.examples.clear();
        }
    }
}
