package dev.llamatrace.autoconfigure.docs;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceChatModelListener;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceContentRetrieverListener;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceEmbeddingModelListener;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LangChain4jConfiguration {

    @Bean
    ChatModel chatModel(LlamaTraceChatModelListener llamatrace) {
        return OpenAiChatModel.builder()
                .baseUrl(System.getProperty(DocumentedSnippetsTests.BASE_URL)) // test only
                .apiKey(System.getenv("OPENAI_API_KEY"))
                .modelName("gpt-4o-mini")
                .listeners(List.of(llamatrace))
                .build();
    }

    @Bean
    ContentRetriever retriever(
            EmbeddingStore<TextSegment> store,
            LlamaTraceEmbeddingModelListener embeddings,
            LlamaTraceContentRetrieverListener retrievals) {
        EmbeddingModel model = OpenAiEmbeddingModel.builder()
                .baseUrl(System.getProperty(DocumentedSnippetsTests.BASE_URL)) // test only
                .apiKey(System.getenv("OPENAI_API_KEY"))
                .modelName("text-embedding-3-small")
                .listeners(List.of(embeddings))
                .build();
        return EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(model)
                .build()
                .addListener(retrievals);
    }
}
