package dev.llamatrace.benchmarks.soak;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the built-in handlers keep, in bytes, with the default caps (content capture off), after many spans and after
 * many legacy callback events: the heap used after the work minus before it (both after full collections), and that
 * divided by what the stores still hold. Each span is a chat call as the framework integrations report one (an LLM
 * start and end event with provider usage); each callback event is an LLM start/end pair on the callback API.
 *
 * <pre>
 * java -cp llamatrace-benchmarks/target/benchmarks.jar dev.llamatrace.benchmarks.soak.RetainedHeap 1000000
 * </pre>
 */
public final class RetainedHeap {

    private RetainedHeap() {}

    /**
     * Measures with the counts given ({@code spans [callback events]}, default 1,000,000 each) and prints the figures.
     *
     * @param args the counts
     */
    public static void main(String[] args) {
        int spans = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
        int events = (args.length > 1) ? Integer.parseInt(args[1]) : spans;
        System.out.println(spans(spans).line());
        System.out.println(callbackEvents(events).line());
    }

    /**
     * Runs {@code count} chat-call spans through the starter's handlers.
     *
     * @param count spans
     * @return what stayed
     */
    public static Figures spans(int count) {
        try (ConfigurableApplicationContext context = start()) {
            Dispatcher root = context.getBean(DispatcherRegistry.class).root();
            List<ChatMessage> messages = List.of(ChatMessage.user("What is the capital of France?"));
            ModelInfo model = ModelInfo.of("openai", "gpt-4o-mini");
            Runnable call = () -> root.span("ChatModel.chat", () -> {
                root.event(new LLMChatStartEvent(messages, Map.of(), model));
                root.event(new LLMChatEndEvent(
                        messages, ChatResponse.of(ChatMessage.assistant("Paris."), UsageKeys.rawUsage(11, 7))));
                return null;
            });
            call.run(); // loads what the first call needs (tokenizer resolution, meters), which a cap does not bound
            long before = SoakSuite.usedHeapAfterGc();
            for (int i = 1; i < count; i++) {
                call.run();
            }
            long retained = SoakSuite.usedHeapAfterGc() - before;
            SimpleSpanHandler spans = context.getBean(SimpleSpanHandler.class);
            return new Figures("spans", count, retained, spans.completedSpans().size(), storeSizes(context));
        }
    }

    /**
     * Runs {@code count} callback LLM event pairs through the starter's handlers.
     *
     * @param count start/end pairs
     * @return what stayed
     */
    public static Figures callbackEvents(int count) {
        try (ConfigurableApplicationContext context = start()) {
            CallbackManager callbacks = context.getBean(CallbackManager.class);
            Map<String, Object> start = Map.of("messages", List.of(Map.of("role", "user", "content", "Hi")));
            Map<String, Object> end = Map.of("response", Map.of("role", "assistant", "content", "Hello."));
            Runnable pair =
                    () -> callbacks.onEventEnd(CBEventType.LLM, end, callbacks.onEventStart(CBEventType.LLM, start));
            pair.run();
            long before = SoakSuite.usedHeapAfterGc();
            for (int i = 1; i < count; i++) {
                pair.run();
            }
            long retained = SoakSuite.usedHeapAfterGc() - before;
            LlamaDebugHandler debug = context.getBean(LlamaDebugHandler.class);
            return new Figures(
                    "callback events", count, retained, debug.getEvents(null).size(), storeSizes(context));
        }
    }

    private static String storeSizes(ConfigurableApplicationContext context) {
        return String.format(
                Locale.ROOT,
                "debug events %d, token records %d, ended spans %d",
                context.getBean(LlamaDebugHandler.class).getEvents(null).size(),
                context.getBean(TokenCountingHandler.class).llmTokenCounts().size(),
                context.getBean(SimpleSpanHandler.class).completedSpans().size());
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SoakSuite.RetentionApp.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off")
                .run();
    }

    /**
     * What stayed after the work.
     *
     * @param what what was sent
     * @param count how many
     * @param retainedBytes heap used after minus before, both after full collections
     * @param kept items of the kind sent that the stores still hold
     * @param stores what each store holds
     */
    public record Figures(String what, int count, long retainedBytes, int kept, String stores) {

        /**
         * Returns the retained bytes per item kept.
         *
         * @return bytes, or 0 when nothing is kept
         */
        public double bytesPerKept() {
            return (this.kept > 0) ? this.retainedBytes / (double) this.kept : 0;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "  retained after %,d %s: %.1f MB; %,d kept, %.0f bytes each (%s)",
                    this.count,
                    this.what,
                    this.retainedBytes / 1e6,
                    this.kept,
                    bytesPerKept(),
                    this.stores);
        }
    }
}
