package dev.llamatrace.autoconfigure.docs;

import dev.llamatrace.autoconfigure.LlamaTraceHandler;
import dev.llamatrace.core.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    @LlamaTraceHandler(dispatcher = "com.example.rag")
    EventHandler ragAudit() {
        return (event) -> log.info("{} in span {}", event.className(), event.spanId());
    }
}
