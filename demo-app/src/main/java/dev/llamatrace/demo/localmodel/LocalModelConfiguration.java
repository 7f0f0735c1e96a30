package dev.llamatrace.demo.localmodel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The offline model server: MiniLM embeddings and the extractive generator behind OpenAI-compatible endpoints on this
 * application's own port. The demo's Spring AI client points here by default ({@code spring.ai.openai.base-url}).
 */
@Configuration(proxyBeanMethods = false)
class LocalModelConfiguration {

    @Bean
    MiniLmEncoder miniLmEncoder() {
        return new MiniLmEncoder();
    }

    @Bean
    TokenCounter tokenCounter() {
        return new TokenCounter();
    }

    @Bean
    ExtractiveGenerator extractiveGenerator(MiniLmEncoder encoder) {
        return new ExtractiveGenerator(encoder);
    }
}
