package dev.llamatrace.autoconfigure.docs;

import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

@Service
class RagService {

    @LlamaSpan(tags = {"component=rag"})
    public String answer(String question) {
        return "It depends on " + question;
    }

    @LlamaSpan
    public CompletableFuture<String> answerAsync(String question) {
        return CompletableFuture.supplyAsync(() -> "Later: " + question);
    }

    @LlamaSpan
    public Flux<String> answerStream(String question) {
        return Flux.just("It ", "depends ", "on ", question);
    }
}
