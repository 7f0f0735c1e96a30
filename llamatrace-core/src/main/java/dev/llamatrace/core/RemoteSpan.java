package dev.llamatrace.core;

import dev.llamatrace.core.span.SpanInvocation;
import org.jspecify.annotations.Nullable;

/**
 * A span of another process, restored from a propagation context so that spans started here become its children.
 * Handlers never see it entered or ended: it is ended from the start, and ending it again does nothing.
 */
final class RemoteSpan extends SpanInvocation {

    RemoteSpan(Dispatcher dispatcher, String id) {
        super(dispatcher.name(), id);
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public boolean isEnded() {
        return true;
    }

    @Override
    public void exit(@Nullable Object result) {}

    @Override
    public void drop(Throwable error) {}
}
