package dev.llamatrace.demo.localmodel;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Counts tokens the way OpenAI bills a chat call, so the usage the local endpoint reports is realistic: text is
 * tokenized with {@code o200k_base} (the GPT-4o encoding) and every chat message costs a few framing tokens.
 */
final class TokenCounter {

    /** Tokens OpenAI adds around each message ({@code <|start|>role ... <|end|>}). */
    private static final int TOKENS_PER_MESSAGE = 3;

    /** Tokens that prime the assistant's reply. */
    private static final int REPLY_PRIMING_TOKENS = 3;

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    /**
     * Counts the tokens of a piece of text.
     *
     * @param text the text
     * @return the token count
     */
    int count(String text) {
        return this.encoding.countTokensOrdinary(text);
    }

    /**
     * Counts the prompt tokens of a chat request.
     *
     * @param messages the request messages
     * @return the prompt token count
     */
    int countPrompt(List<OpenAiJson.Message> messages) {
        int tokens = REPLY_PRIMING_TOKENS;
        for (OpenAiJson.Message message : messages) {
            tokens += TOKENS_PER_MESSAGE + count(message.role()) + count(message.text());
        }
        return tokens;
    }
}
