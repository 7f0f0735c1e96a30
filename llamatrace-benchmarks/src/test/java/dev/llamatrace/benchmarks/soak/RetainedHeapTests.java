package dev.llamatrace.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.core.context.TraceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that the retained-heap measurement fills the stores to their default caps, so the bytes it reports are per
 * item at the cap. The bytes themselves are printed, not asserted (a collector may keep garbage).
 */
class RetainedHeapTests {

    @AfterEach
    void tearDown() {
        TraceContext.clear();
    }

    @Test
    void spansFillTheSpanStoreToItsDefaultCapacity() {
        RetainedHeap.Figures figures = RetainedHeap.spans(20_000);
        System.out.println(figures.line());
        assertThat(figures.kept())
                .isEqualTo(new LlamaTraceProperties().getHandlers().getSpans().getCapacity());
        assertThat(figures.stores()).contains("debug events 10000", "token records 1000");
    }

    @Test
    void callbackEventsFillTheDebugStoreToItsDefaultCap() {
        RetainedHeap.Figures figures = RetainedHeap.callbackEvents(20_000);
        System.out.println(figures.line());
        assertThat(figures.kept())
                .isEqualTo(new LlamaTraceProperties().getHandlers().getDebug().getMaxEvents());
    }
}
