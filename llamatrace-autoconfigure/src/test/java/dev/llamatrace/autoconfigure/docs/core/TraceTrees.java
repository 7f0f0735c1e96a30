package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.Dispatchers;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import dev.llamatrace.core.trace.TraceTree;
import java.util.List;

class TraceTrees {

    static SimpleSpanHandler attach() {
        // capacity 10_000, 256 events per span
        SimpleSpanHandler spans = new SimpleSpanHandler();
        Dispatchers.root().addSpanHandler(spans);
        Dispatchers.root().addEventHandler(spans);
        return spans;
    }

    static List<TraceTree> print(SimpleSpanHandler spans) {
        // most recent first; children by start time
        List<TraceTree> traces = spans.traces();
        System.out.print(spans.printTraceTrees());
        return traces;
    }
}
