package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.Dispatchers;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.llm.CompletionResponse;
import java.util.Map;
import java.util.function.Function;

class CallbackQuery {

    private final Dispatcher root = Dispatchers.root();

    final TokenCountingHandler tokens =
            TokenCountingHandler.builder().tokenBudget(200_000).build();

    final LlamaDebugHandler debug = LlamaDebugHandler.create();

    private final CallbackManager callbacks = new CallbackManager(this.root);

    CallbackQuery() {
        // same as root.addEventHandler(new CallbackEventHandler(tokens))
        this.callbacks.addHandler(this.tokens);
        this.callbacks.addHandler(this.debug);
    }

    String answer(String question, String prompt, Function<String, CompletionResponse> llm) {
        return this.callbacks.trace(
                "query",
                () -> this.callbacks.inEvent(CBEventType.QUERY, Map.of("query_str", question), (query) -> {
                    String id = this.callbacks.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", prompt));
                    CompletionResponse completion = llm.apply(prompt);
                    this.callbacks.onEventEnd(
                            CBEventType.LLM, Map.of("formatted_prompt", prompt, "completion", completion), id);
                    query.onEnd(Map.of("response", completion.text()));
                    return completion.text();
                }));
    }
}
