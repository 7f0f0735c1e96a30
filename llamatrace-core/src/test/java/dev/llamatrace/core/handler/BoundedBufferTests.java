package dev.llamatrace.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BoundedBufferTests {

    @Test
    void keepsTheNewestElementsOldestFirstAndCountsTheDroppedOnes() {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(3);
        buffer.add(1);
        buffer.add(2);
        assertThat(buffer.snapshot()).containsExactly(1, 2);
        assertThat(buffer.evicted()).isZero();
        for (int i = 3; i <= 7; i++) {
            buffer.add(i);
        }
        assertThat(buffer.snapshot()).containsExactly(5, 6, 7);
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.evicted()).isEqualTo(4);
    }

    @Test
    void clearDropsTheElementsAndRestartsTheEvictionCount() {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
        for (int i = 1; i <= 5; i++) {
            buffer.add(i);
        }
        buffer.clear();
        assertThat(buffer.snapshot()).isEmpty();
        assertThat(buffer.evicted()).isZero();
        buffer.add(6);
        buffer.add(7);
        buffer.add(8);
        assertThat(buffer.snapshot()).containsExactly(7, 8);
        assertThat(buffer.evicted()).isEqualTo(1);
    }

    @Test
    void concurrentWritersLoseNothingButTheOldestAndReadersSeeEachWritersOrder() throws Exception {
        int capacity = 64;
        int writers = 4;
        int perWriter = 20_000;
        BoundedBuffer<long[]> buffer = new BoundedBuffer<>(capacity);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            long writer = w;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (long i = 0; i < perWriter; i++) {
                        buffer.add(new long[] {writer, i});
                    }
                } catch (Throwable ex) {
                    failures.add(ex);
                }
            }));
        }
        Thread reader = new Thread(() -> {
            try {
                start.await();
                while (writing.get()) {
                    List<long[]> snapshot = buffer.snapshot();
                    assertThat(snapshot).hasSizeLessThanOrEqualTo(capacity).doesNotContainNull();
                    assertEachWriterInOrder(snapshot, writers);
                }
            } catch (Throwable ex) {
                failures.add(ex);
            }
        });
        threads.forEach(Thread::start);
        reader.start();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        writing.set(false);
        reader.join();
        assertThat(failures).isEmpty();
        List<long[]> retained = buffer.snapshot();
        assertThat(retained).hasSize(capacity);
        assertEachWriterInOrder(retained, writers);
        assertThat(buffer.evicted()).isEqualTo((long) writers * perWriter - capacity);
    }

    @Test
    void capacityMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BoundedBuffer<>(0));
    }

    private static void assertEachWriterInOrder(List<long[]> snapshot, int writers) {
        long[] last = new long[writers];
        Arrays.fill(last, -1);
        for (long[] element : snapshot) {
            int writer = (int) element[0];
            assertThat(element[1]).isGreaterThan(last[writer]);
            last[writer] = element[1];
        }
    }
}
