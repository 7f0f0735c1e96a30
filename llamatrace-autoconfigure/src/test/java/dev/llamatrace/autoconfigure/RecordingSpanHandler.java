package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A span handler for tests that records what it is told. */
public final class RecordingSpanHandler implements SpanHandler<Span> {

    /** One notification. */
    public record Record(String kind, SpanInvocation span, @Nullable Object detail) {}

    private final List<Record> records = new CopyOnWriteArrayList<>();

    private final AtomicInteger closed = new AtomicInteger();

    @Override
    public void spanEnter(SpanInvocation span) {
        this.records.add(new Record("enter", span, null));
    }

    @Override
    public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
        this.records.add(new Record("exit", span, result));
    }

    @Override
    public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
        this.records.add(new Record("drop", span, error));
    }

    @Override
    public void close() {
        this.closed.incrementAndGet();
    }

    public List<Record> records() {
        return this.records;
    }

    public List<SpanInvocation> entered() {
        return this.records.stream()
                .filter((r) -> r.kind().equals("enter"))
                .map(Record::span)
                .toList();
    }

    public List<Record> ended() {
        return this.records.stream().filter((r) -> !r.kind().equals("enter")).toList();
    }

    public int closeCount() {
        return this.closed.get();
    }
}
