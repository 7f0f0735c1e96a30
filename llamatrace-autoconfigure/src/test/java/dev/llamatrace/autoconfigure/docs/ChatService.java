package dev.llamatrace.autoconfigure.docs;

import dev.llamatrace.autoconfigure.aop.ConversationId;
import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.autoconfigure.aop.UserId;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.stereotype.Service;

@Service
class ChatService {

    private final ChatClient chatClient;

    ChatService(ChatClient.Builder chatClient) {
        this.chatClient = chatClient.build();
    }

    @LlamaSpan
    public String chat(@ConversationId String conversationId, @UserId String userId, String message) {
        return this.chatClient
                .prompt(message)
                // a chat memory advisor reads it too; llamatrace picks it up without the annotation
                .advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, conversationId))
                .call()
                .content();
    }
}
