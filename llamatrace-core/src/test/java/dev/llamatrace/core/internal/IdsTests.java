package dev.llamatrace.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.QueryStartEvent;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdsTests {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void aSpanIdIsTheUrlSafeNameAndAVersion8Uuid() {
        DispatcherRegistry registry = new DispatcherRegistry();
        registry.root().addSpanHandler(new SimpleSpanHandler());
        String id = registry.root()
                .span("chat gpt-4o-mini", () -> TraceContext.currentSpan().id());
        assertThat(id).matches("chat_gpt-4o-mini-" + UUID_PATTERN);
        assertThat(UUID.fromString(id.substring("chat_gpt-4o-mini-".length())).version())
                .isEqualTo(8);
        assertThat(URI.create("http://localhost/actuator/llamatrace/traces/" + id)
                        .getPath())
                .endsWith("/" + id);
    }

    @Test
    void theSpanNameKeepsItsOriginalText() {
        DispatcherRegistry registry = new DispatcherRegistry();
        registry.root().addSpanHandler(new SimpleSpanHandler());
        String name = registry.root()
                .span("chat gpt-4o-mini", () -> TraceContext.currentSpan().name());
        assertThat(name).isEqualTo("chat gpt-4o-mini");
    }

    @Test
    void everyCharacterOutsideTheUnreservedSetBecomesAnUnderscore() {
        assertThat(Ids.urlSafe("Retriever.retrieve")).isEqualTo("Retriever.retrieve");
        assertThat(Ids.urlSafe("a-b_c.d~e09AZ")).isEqualTo("a-b_c.d~e09AZ");
        assertThat(Ids.urlSafe("chat gpt/4o?x=1#y%z&é\t")).isEqualTo("chat_gpt_4o_x_1_y_z___");
        assertThat(Ids.urlSafe("")).isEmpty();
    }

    @Test
    void theUniquePartIsTheTextOfAUuidWithTheRandomHighHalfAndTheSequenceInTheLowHalf() {
        for (long seq : new long[] {0, 1, 0x12a, 0xFFFF_FFFFL, 0x3FFF_FFFF_FFFF_FFFFL, Long.MAX_VALUE}) {
            String text = Ids.format(seq);
            UUID uuid = UUID.fromString(text);
            assertThat(uuid.toString()).isEqualTo(text);
            assertThat(uuid.getLeastSignificantBits())
                    .isEqualTo(0x8000_0000_0000_0000L | (seq & 0x3FFF_FFFF_FFFF_FFFFL));
            assertThat(uuid.getMostSignificantBits())
                    .isEqualTo(UUID.fromString(Ids.format(7)).getMostSignificantBits());
        }
    }

    @Test
    void anEventIdIsEvtAndAUuid() {
        assertThat(new QueryStartEvent("q").id()).matches("evt-" + UUID_PATTERN);
    }

    @Test
    void idsTakenOnManyThreadsAreAllDistinct() throws InterruptedException {
        int threads = 4;
        int perThread = 5_000;
        Set<String> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                        for (int i = 0; i < perThread; i++) {
                            ids.add(Ids.format(Ids.next()));
                        }
                        done.countDown();
                    })
                    .start();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ids).hasSize(threads * perThread);
    }

    @Test
    void anotherProcessMakesDifferentIdsForTheSameSequenceNumbers() throws IOException, InterruptedException {
        String here = Ids.format(1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), PrintFirstId.class.getName())
                .redirectErrorStream(true)
                .start();
        String there = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(there).matches(UUID_PATTERN).isNotEqualTo(here);
        // Same sequence number, so only the per-process random half tells them apart.
        assertThat(there.substring(19)).isEqualTo(here.substring(19));
    }

    /** Prints the id this process gives sequence number 1. */
    static final class PrintFirstId {

        public static void main(String[] args) {
            System.out.println(Ids.format(1));
        }
    }
}
