package dev.llamatrace.autoconfigure.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class HttpPropagationTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final HttpPropagation propagation = new HttpPropagation(this.registry.root());

    HttpPropagationTests() {
        this.registry.root().addSpanHandler(new SimpleSpanHandler());
    }

    @Test
    void theHeaderIsBase64urlJsonThatRestoresTheSpanAndTags() {
        String header;
        try (TraceContext.Scope tags = TraceContext.withTags(Map.of("user", "u-1"))) {
            header = this.registry.root().span("Client.call", this.propagation::outgoingHeader);
        }
        assertThat(header).matches("[A-Za-z0-9_-]+");
        assertThat(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))
                .startsWith("{\"llamatrace_span_id\":\"Client.call-")
                .contains("\"instrument_tags\":{\"user\":\"u-1\"}");
        try (TraceContext.Scope restored = this.propagation.restore(header)) {
            assertThat(TraceContext.currentSpan().isRemote()).isTrue();
            assertThat(TraceContext.currentSpanId()).startsWith("Client.call-");
            assertThat(TraceContext.currentTags()).containsEntry("user", "u-1");
        }
        assertThat(TraceContext.currentSpan()).isNull();
    }

    @Test
    void nothingToPropagateSendsNoHeader() {
        assertThat(this.propagation.outgoingHeader()).isNull();
        assertThat(this.propagation.failureCount()).isZero();
    }

    @Test
    void badHeadersAreIgnoredAndCounted() {
        for (String bad : new String[] {
            "not base64 !", encode("[1, 2]"), encode("{broken"), "a".repeat(HttpPropagation.MAX_LENGTH + 1)
        }) {
            try (TraceContext.Scope restored = this.propagation.restore(bad)) {
                assertThat(TraceContext.currentSpan()).isNull();
                assertThat(TraceContext.currentTags()).isEmpty();
            }
        }
        assertThat(this.propagation.failureCount()).isEqualTo(4);
    }

    @Test
    void aContextTooLargeForAHeaderIsNotSent() {
        try (TraceContext.Scope tags = TraceContext.withTags(Map.of("big", "x".repeat(HttpPropagation.MAX_LENGTH)))) {
            assertThat(this.propagation.outgoingHeader()).isNull();
        }
        assertThat(this.propagation.failureCount()).isOne();
    }

    @Test
    void aHandlerEntryThatIsNotJsonIsNotSentAndTheCallProceeds() {
        Dispatcher root = this.registry.root();
        root.addSpanHandler(new Unserializable());
        assertThat(root.span("Client.call", this.propagation::outgoingHeader)).isNull();
        assertThat(this.propagation.failureCount()).isOne();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Propagates an object JSON cannot write. */
    private static final class Unserializable implements SpanHandler<Span> {

        @Override
        public void spanEnter(SpanInvocation span) {}

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {}

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {}

        @Override
        public Map<String, Object> capturePropagationContext() {
            return Map.of("broken", new Object() {
                public Object getSelf() {
                    return this;
                }
            });
        }
    }
}
