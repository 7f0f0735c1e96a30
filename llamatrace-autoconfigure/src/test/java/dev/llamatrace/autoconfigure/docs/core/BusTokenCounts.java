package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.Dispatchers;
import dev.llamatrace.core.handler.TokenCountPublisher;
import dev.llamatrace.core.handler.TokenCountingHandler;

class BusTokenCounts {

    static TokenCountingHandler attach() {
        Dispatcher root = Dispatchers.root();
        // counts every LLM and embedding call and dispatches a TokenCountingEvent per count
        root.addEventHandler(new TokenCountPublisher(root));
        TokenCountingHandler tokens = TokenCountingHandler.create();
        // consumes the counts: totals, records, budget
        root.addEventHandler(tokens);
        return tokens;
    }
}
