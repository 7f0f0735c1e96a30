package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.context.Conversations;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import java.util.concurrent.Callable;

class ConversationTurn {

    static String answer(String conversationId, String userId, Callable<String> turn) throws Exception {
        try (TraceContext.Scope scope =
                Conversations.open(Conversation.of(conversationId).withUser(userId))) {
            // every span entered and event created in here, and where the context is carried, has both ids
            return turn.call();
        }
    }

    static Callable<String> later(String conversationId, Callable<String> turn) {
        // the same for a task that runs later, on any thread
        return Conversations.wrap(Conversation.of(conversationId), turn);
    }
}
