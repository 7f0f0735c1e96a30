package dev.llamatrace.demo.localmodel;

import dev.llamatrace.demo.query.QaPrompt;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a chat request back into a question and the context passages it carries. Prompts rendered by
 * {@link QaPrompt} are split on their markers; any other conversation is read as "the last user message is the
 * question, the earlier messages are the context", so the endpoint stays usable from any OpenAI client.
 */
final class PromptReader {

    private PromptReader() {}

    /**
     * Reads a conversation.
     *
     * @param messages the request messages
     * @return the question and passages
     */
    static Reading read(List<OpenAiJson.Message> messages) {
        int lastUser = -1;
        for (int i = 0; i < messages.size(); i++) {
            if ("user".equals(messages.get(i).role())) {
                lastUser = i;
            }
        }
        if (lastUser < 0) {
            return new Reading("", List.of());
        }
        String user = messages.get(lastUser).text();
        Reading reading = readQaPrompt(user);
        if (reading != null) {
            return reading;
        }
        List<String> passages = new ArrayList<>();
        for (int i = 0; i < lastUser; i++) {
            String text = messages.get(i).text().strip();
            if (!text.isEmpty() && !"system".equals(messages.get(i).role())) {
                passages.add(text);
            }
        }
        return new Reading(user.strip(), passages);
    }

    private static @Nullable Reading readQaPrompt(String prompt) {
        int open = prompt.indexOf(QaPrompt.DELIMITER);
        int close = prompt.lastIndexOf(QaPrompt.DELIMITER);
        int query = prompt.lastIndexOf('\n' + QaPrompt.QUERY_PREFIX);
        if (open < 0 || close <= open || query < close) {
            return null;
        }
        String context = prompt.substring(open + QaPrompt.DELIMITER.length(), close);
        List<String> passages = new ArrayList<>();
        StringBuilder current = null;
        for (String line : context.split("\n", -1)) {
            if (line.startsWith(QaPrompt.SOURCE_PREFIX) && line.endsWith("]")) {
                addPassage(passages, current);
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        addPassage(passages, current);
        int questionStart = query + 1 + QaPrompt.QUERY_PREFIX.length();
        int questionEnd = prompt.indexOf('\n', questionStart);
        String question = prompt.substring(questionStart, (questionEnd < 0) ? prompt.length() : questionEnd);
        return new Reading(question.strip(), passages);
    }

    private static void addPassage(List<String> passages, @Nullable StringBuilder passage) {
        if (passage != null && !passage.toString().isBlank()) {
            passages.add(passage.toString().strip());
        }
    }

    /**
     * A question and its context.
     *
     * @param question the question, empty when the conversation has no user message
     * @param passages the context passages, in prompt order
     */
    record Reading(String question, List<String> passages) {}
}
