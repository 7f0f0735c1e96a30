package dev.llamatrace.demo;

import dev.llamatrace.demo.index.VectorIndex;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The demo's own beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    @Bean
    VectorIndex vectorIndex() {
        return new VectorIndex();
    }
}
