package dev.llamatrace.autoconfigure.tracing;

import static dev.llamatrace.autoconfigure.semconv.OpenInferenceAttributes.indexed;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.EventContent;
import dev.llamatrace.autoconfigure.semconv.OpenInferenceAttributes;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.core.llm.ToolCall;
import java.util.List;

/**
 * The OpenInference flattened lists of an event, which Phoenix renders as a conversation, a document list or the
 * embedded texts: {@code llm.input_messages.<i>.message.role|content}, {@code llm.output_messages.<i>.message.*} with
 * their tool calls, {@code retrieval.documents.<i>.document.id|content|score} and
 * {@code embedding.embeddings.<i>.embedding.text}. Content only: call it only with capture on; every text is truncated
 * by {@link ContentCapture}. At most {@value #MAX_ENTRIES} entries per list are written; the exporter's attribute
 * limit applies on top.
 */
final class FlattenedContent {

    /** Entries written per list. */
    static final int MAX_ENTRIES = EventContent.MAX_ENTRIES;

    private FlattenedContent() {}

    static void apply(ObservedSpan span, Event event, ContentCapture content) {
        messages(span, OpenInferenceAttributes.LLM_INPUT_MESSAGES, EventContent.inputMessages(event), content);
        messages(span, OpenInferenceAttributes.LLM_OUTPUT_MESSAGES, EventContent.outputMessages(event), content);
        documents(span, EventContent.documents(event), content);
        List<String> chunks = EventContent.embeddedTexts(event);
        for (int i = 0; i < Math.min(chunks.size(), MAX_ENTRIES); i++) {
            String key =
                    indexed(OpenInferenceAttributes.EMBEDDING_EMBEDDINGS, i, OpenInferenceAttributes.EMBEDDING_TEXT);
            SpanAttributes.put(span, key, content.capture(chunks.get(i)));
        }
    }

    private static void messages(ObservedSpan span, String list, List<ChatMessage> messages, ContentCapture content) {
        for (int i = 0; i < Math.min(messages.size(), MAX_ENTRIES); i++) {
            ChatMessage message = messages.get(i);
            span.put(
                    indexed(list, i, OpenInferenceAttributes.MESSAGE_ROLE),
                    message.role().value());
            SpanAttributes.put(
                    span,
                    indexed(list, i, OpenInferenceAttributes.MESSAGE_CONTENT),
                    content.capture(message.content()));
            if (message.toolCallId() != null) {
                span.put(indexed(list, i, OpenInferenceAttributes.MESSAGE_TOOL_CALL_ID), message.toolCallId());
            }
            List<ToolCall> calls = message.toolCalls();
            for (int j = 0; j < Math.min(calls.size(), MAX_ENTRIES); j++) {
                String prefix = indexed(list, i, OpenInferenceAttributes.MESSAGE_TOOL_CALLS);
                ToolCall call = calls.get(j);
                span.put(indexed(prefix, j, OpenInferenceAttributes.TOOL_CALL_ID), call.id());
                span.put(indexed(prefix, j, OpenInferenceAttributes.TOOL_CALL_FUNCTION_NAME), call.name());
                SpanAttributes.put(
                        span,
                        indexed(prefix, j, OpenInferenceAttributes.TOOL_CALL_FUNCTION_ARGUMENTS),
                        content.capture(call.arguments()));
            }
        }
    }

    private static void documents(ObservedSpan span, List<NodeWithScore> nodes, ContentCapture content) {
        String list = OpenInferenceAttributes.RETRIEVAL_DOCUMENTS;
        for (int i = 0; i < Math.min(nodes.size(), MAX_ENTRIES); i++) {
            NodeWithScore node = nodes.get(i);
            span.put(indexed(list, i, OpenInferenceAttributes.DOCUMENT_ID), node.id());
            SpanAttributes.put(
                    span, indexed(list, i, OpenInferenceAttributes.DOCUMENT_CONTENT), content.capture(node.text()));
            if (node.score() != null) {
                span.put(indexed(list, i, OpenInferenceAttributes.DOCUMENT_SCORE), Double.toString(node.score()));
            }
        }
    }
}
