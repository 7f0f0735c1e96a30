package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.context.TraceContext;
import java.util.Map;
import java.util.function.Function;

class RemoteWork {

    // in the caller's process, inside its span: what to send along with the work (e.g. in a message header)
    static Map<String, Object> send(Dispatcher dispatcher) {
        return dispatcher.capturePropagationContext();
    }

    // in the worker's process: spans started in the block are children of the caller's span, with its tags
    static <T> T receive(Dispatcher dispatcher, Map<String, ?> received, Function<Dispatcher, T> work) {
        try (TraceContext.Scope restored = dispatcher.restorePropagationContext(received)) {
            return work.apply(dispatcher);
        }
    }
}
