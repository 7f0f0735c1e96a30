package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.EvaluationEvent;

class JudgeAnswer {

    static String answer(Dispatcher dispatcher, String question) {
        return dispatcher.span("Rag.answer", () -> {
            String answer = "Paris";
            // inside the span it evaluates; forSpan(spanId) evaluates another span that is still open
            dispatcher.event(EvaluationEvent.named("relevance")
                    .score(0.9)
                    .label("relevant")
                    .explanation("names the capital asked for")
                    .build());
            return answer;
        });
    }
}
