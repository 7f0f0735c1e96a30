package dev.llamatrace.autoconfigure;

import dev.llamatrace.autoconfigure.cost.LlamaTraceCostProperties;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.OpenAIFineTuningHandler;
import dev.llamatrace.core.handler.TokenCountPublisher;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.handler.TokenCountingHandlerBuilder;
import dev.llamatrace.core.token.JTokkitTokenizers;
import dev.llamatrace.core.token.TokenizerResolver;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in handlers, each replaceable by a bean of the same type and switchable by property. They are plain beans:
 * the handler registrar attaches them to the root dispatcher like any user handler. Each keeps content as
 * {@link ContentCapture} allows, cut when it records: nothing with capture off, values of at most
 * {@code content-max-length} characters with it on.
 *
 * <p>One configuration class, each bean behind its own conditions: every configuration class costs Boot a bean, a
 * class to load and its own pass of condition evaluation and introspection at startup.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlamaTraceCostProperties.class)
final class BuiltInHandlersConfiguration {

    /** Bean name of the counting step that puts token counts on the bus. */
    static final String TOKEN_COUNT_PUBLISHER = "llamatraceTokenCountPublisher";

    /** Bean name of the price table the counting step prices calls with. */
    static final String PRICE_TABLE = "llamatracePriceTable";

    /** Bean name of the token counting handler. */
    static final String TOKEN_COUNTING_HANDLER = "llamatraceTokenCountingHandler";

    /** Bean name of the debug handler. */
    static final String DEBUG_HANDLER = "llamatraceDebugHandler";

    /** Bean name of the span handler keeping trace trees. */
    static final String SPAN_HANDLER = "llamatraceSpanHandler";

    /** Bean name of the fine-tuning handler. */
    static final String FINE_TUNING_HANDLER = "llamatraceFineTuningHandler";

    static TokenizerResolver tokenizers(LlamaTraceProperties properties) {
        String encoding =
                properties.getHandlers().getTokenCounting().getEncoding().toLowerCase(Locale.ROOT);
        return LlamaTraceProperties.AUTO_ENCODING.equals(encoding)
                ? JTokkitTokenizers.byModel()
                : JTokkitTokenizers.fixed(encoding);
    }

    // The handlers are attached to the root dispatcher in the order they are created, which is this order: each
    // sees an event before the counting step dispatches the count it makes of that event.
    @Bean(FINE_TUNING_HANDLER)
    @ConditionalOnBooleanProperty(name = LlamaTraceProperties.FINE_TUNING_ENABLED)
    @ConditionalOnMissingBean
    OpenAIFineTuningHandler llamatraceFineTuningHandler(
            LlamaTraceProperties properties, ObjectProvider<ContentCapture> content) {
        ContentCapture capture = content.getIfAvailable(() -> ContentCapture.of(properties));
        LlamaTraceProperties.FineTuning fineTuning = properties.getHandlers().getFineTuning();
        return new OpenAIFineTuningHandler(
                fineTuning.getMaxExamples(), capture.limit(), fineTuning.isRedact() ? capture::redactShown : null);
    }

    @Bean(SPAN_HANDLER)
    @ConditionalOnBooleanProperty(name = LlamaTraceProperties.SPANS_ENABLED, matchIfMissing = true)
    @ConditionalOnMissingBean
    SimpleSpanHandler llamatraceSpanHandler(LlamaTraceProperties properties) {
        LlamaTraceProperties.Spans settings = properties.getHandlers().getSpans();
        ContentCapture content = ContentCapture.of(properties);
        return new SimpleSpanHandler(
                settings.getCapacity(),
                settings.getMaxEventsPerSpan(),
                content.limit(),
                (event) -> CapturedEvent.of(event, content));
    }

    @Bean(DEBUG_HANDLER)
    @ConditionalOnBooleanProperty(name = LlamaTraceProperties.DEBUG_ENABLED, matchIfMissing = true)
    @ConditionalOnMissingBean
    LlamaDebugHandler llamatraceDebugHandler(LlamaTraceProperties properties) {
        LlamaTraceProperties.Debug settings = properties.getHandlers().getDebug();
        return LlamaDebugHandler.builder()
                .maxEvents(settings.getMaxEvents())
                .contentLimit(ContentCapture.of(properties).limit())
                .maxTraces(settings.getMaxTraces())
                .printTraceOnEnd(settings.isPrintTraceOnEnd())
                .build();
    }

    @Bean(TOKEN_COUNTING_HANDLER)
    @ConditionalOnBooleanProperty(name = LlamaTraceProperties.TOKEN_COUNTING_ENABLED, matchIfMissing = true)
    @ConditionalOnMissingBean
    TokenCountingHandler llamatraceTokenCountingHandler(
            LlamaTraceProperties properties, LlamaTraceCostProperties cost, ObjectProvider<PriceTable> prices) {
        LlamaTraceProperties.TokenCounting settings = properties.getHandlers().getTokenCounting();
        TokenCountingHandlerBuilder builder = TokenCountingHandler.builder()
                .maxEvents(settings.getMaxRecords())
                .contentLimit(ContentCapture.of(properties).limit())
                .tokenizers(tokenizers(properties));
        Long budget = settings.getTokenBudget();
        if (budget != null) {
            builder.tokenBudget(budget);
        }
        prices.ifAvailable(builder::prices);
        BigDecimal costBudget = cost.getBudget();
        if (costBudget != null) {
            builder.costBudget(costBudget, cost.getBudgetCurrency());
        }
        return builder.build();
    }

    /**
     * Token counts are part of the pipeline, not of a handler: they reach meters, spans and the endpoint whichever
     * handler beans exist.
     */
    @Bean(TOKEN_COUNT_PUBLISHER)
    @ConditionalOnMissingBean
    TokenCountPublisher llamatraceTokenCountPublisher(
            DispatcherRegistry registry, LlamaTraceProperties properties, ObjectProvider<PriceTable> prices) {
        // Each count carries its cost, so meters, spans, the endpoint and the budget all see the same amount.
        return new TokenCountPublisher(
                registry.root(),
                tokenizers(properties),
                TokenCountingHandlerBuilder.DEFAULT_MAX_OPEN_OPERATIONS,
                prices.getIfAvailable());
    }

    /** The prices of {@code llamatrace.cost.*}; a {@link PriceTable} bean of the application's replaces them. */
    @Bean(PRICE_TABLE)
    @ConditionalOnBooleanProperty(name = LlamaTraceCostProperties.ENABLED, matchIfMissing = true)
    @ConditionalOnMissingBean
    PriceTable llamatracePriceTable(LlamaTraceCostProperties properties) {
        return properties.priceTable();
    }
}
