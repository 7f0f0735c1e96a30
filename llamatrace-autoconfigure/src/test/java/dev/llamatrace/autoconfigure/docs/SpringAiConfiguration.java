package dev.llamatrace.autoconfigure.docs;

import dev.llamatrace.autoconfigure.springai.FirstChunkStreamAdvisor;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SpringAiConfiguration {

    @Bean
    ChatClient chatClient(
            ObservationRegistry registry,
            FirstChunkStreamAdvisor firstChunk,
            @Value("${OPENAI_API_KEY}") String apiKey) {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(System.getProperty(DocumentedSnippetsTests.BASE_URL)) // test only
                        .apiKey(apiKey)
                        .model("gpt-4o-mini")
                        .build())
                .observationRegistry(registry)
                .build();
        return ChatClient.builder(model, registry, null, null)
                .defaultAdvisors(firstChunk)
                .build();
    }
}
