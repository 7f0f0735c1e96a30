package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.context.TraceContext;
import java.util.Map;

class TaggedWork {

    static void run(String userId, Runnable work) {
        try (TraceContext.Scope tags = TraceContext.withTags(Map.of("user", userId))) {
            // spans entered here snapshot these tags; events dispatched here get them merged in
            work.run();
        }
    }
}
