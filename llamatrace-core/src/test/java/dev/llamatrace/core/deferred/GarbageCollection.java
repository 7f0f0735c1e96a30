package dev.llamatrace.core.deferred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** Test support: waits until a collection has run and the span cleaner has processed what it found. */
final class GarbageCollection {

    private GarbageCollection() {}

    /** Returns once an object that became unreachable after this call started has been cleaned by the span cleaner. */
    static void awaitCleanerPass() {
        AtomicBoolean cleaned = new AtomicBoolean();
        register(cleaned);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    System.gc();
                    assertThat(cleaned).isTrue();
                });
    }

    private static void register(AtomicBoolean cleaned) {
        LazySpan.cleaner().register(new Object(), () -> cleaned.set(true));
    }
}
