package dev.llamatrace.autoconfigure.docs;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceAiServiceListeners;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    interface Assistant {

        String chat(String question);
    }

    static class Weather {

        @Tool("Current weather of a city")
        String weather(String city) {
            return "sunny in " + city;
        }
    }

    // invoke_agent Assistant
    // ├─ chat gpt-4o-mini
    // ├─ execute_tool weather
    // └─ chat gpt-4o-mini
    @Bean
    Assistant assistant(ChatModel chatModel, LlamaTraceAiServiceListeners llamatrace) {
        return AiServices.builder(Assistant.class)
                .chatModel(chatModel)
                .tools(new Weather())
                .registerListeners(llamatrace.listeners())
                .build();
    }
}
