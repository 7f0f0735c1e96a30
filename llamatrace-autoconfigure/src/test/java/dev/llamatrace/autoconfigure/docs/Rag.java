package dev.llamatrace.autoconfigure.docs;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
class Rag {

    private final ContentRetriever retriever;

    private final ChatModel chatModel;

    Rag(ContentRetriever retriever, ChatModel chatModel) {
        this.retriever = retriever;
        this.chatModel = chatModel;
    }

    // Rag.answer
    // ├─ retrieval
    // │  └─ embeddings text-embedding-3-small
    // └─ chat gpt-4o-mini
    @LlamaSpan
    public String answer(String question) {
        List<Content> context = this.retriever.retrieve(Query.from(question));
        return this.chatModel.chat(prompt(question, context)).aiMessage().text();
    }

    private static UserMessage prompt(String question, List<Content> context) {
        String sources =
                context.stream().map((content) -> content.textSegment().text()).collect(Collectors.joining("\n"));
        return UserMessage.from("Answer from these sources:\n" + sources + "\n\nQuestion: " + question);
    }
}
