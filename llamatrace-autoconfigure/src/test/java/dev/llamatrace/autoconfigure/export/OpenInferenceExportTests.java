package dev.llamatrace.autoconfigure.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.autoconfigure.support.ExportedApplication;
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.OtlpReceiver.Received;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.handler.TokenSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs a Spring Boot application with the Phoenix preset against an OTLP/HTTP receiver inside the test and decodes what
 * Boot's own exporter sends: a {@code @LlamaSpan} method (a CHAIN span) calling a Spring AI chat model against a local
 * OpenAI-compatible stub must arrive as one LLM span per call, Spring AI's own, under the method's span and carrying
 * OpenInference and GenAI attributes; content only with capture on.
 */
class OpenInferenceExportTests {

    private static final String METHOD_SPAN = "AnswerService.answer";

    private static final String CHAT_SPAN = "chat gpt-4o-mini";

    @RegisterExtension
    final ExportedApplication application = new ExportedApplication(TracedApplication.class);

    @Test
    void springAiChatCallIsExportedOnceAsAnLlmSpanUnderTheLlamaSpanMethodWithoutContent() {
        List<TokenCountingEvent> counts = new ArrayList<>();
        run(List.of(), (context) -> {
            assertThat(context.getBean(AnswerService.class).answer("Hi")).isEqualTo(OpenAiStub.ANSWER);
            counts.addAll(context.getBean(TokenCountingHandler.class).llmTokenCounts());
        });
        Received method = awaitSpan(METHOD_SPAN);
        Received chat = awaitSpan(CHAT_SPAN);

        assertThat(spansNamed(CHAT_SPAN)).as("one exported span per call").hasSize(1);
        assertThat(chat.span().getTraceId()).isEqualTo(method.span().getTraceId());
        assertThat(chat.span().getParentSpanId())
                .as(() -> this.application.spans().stream()
                        .map((s) -> s.name() + " "
                                + s.span().getSpanId().toStringUtf8().hashCode() + " <- "
                                + s.span().getParentSpanId().toStringUtf8().hashCode())
                        .toList()
                        .toString())
                .isEqualTo(method.span().getSpanId());
        assertThat(method.attribute("openinference.span.kind")).isEqualTo("CHAIN");
        assertThat(chat.attribute("openinference.span.kind")).isEqualTo("LLM");
        assertThat(chat.attribute("llm.model_name")).isEqualTo("gpt-4o-mini");
        assertThat(chat.attribute("gen_ai.provider.name")).isEqualTo("openai");
        assertThat(chat.attribute("gen_ai.request.model")).isEqualTo("gpt-4o-mini");
        assertThat(chat.attribute("gen_ai.operation.name")).isEqualTo("chat");
        assertThat(chat.attribute("llm.token_count.prompt")).isEqualTo("11");
        assertThat(chat.attribute("llm.token_count.completion")).isEqualTo("4");
        assertThat(chat.attribute("llm.token_count.total")).isEqualTo("15");
        assertThat(chat.attribute("gen_ai.usage.input_tokens")).isEqualTo("11");
        // The same numbers the token counting handler (and so the meters) recorded: counted once.
        assertThat(counts).singleElement().satisfies((count) -> {
            assertThat(count.promptTokenCount()).isEqualTo(11);
            assertThat(count.promptSource()).isEqualTo(TokenSource.PROVIDER);
        });
        // Spring AI's own attributes are still there: this is its span, enriched.
        assertThat(chat.attribute("gen_ai.response.id")).isEqualTo("chatcmpl-123");
        // Span ids carry the name made URL-safe: "chat gpt-4o-mini" becomes "chat_gpt-4o-mini-<uuid>".
        assertThat(chat.attribute("llamatrace.span.id")).startsWith("chat_gpt-4o-mini-");
        assertThat(attributeKeys(chat))
                .noneMatch((key) -> key.startsWith("llm.input_messages")
                        || key.startsWith("llm.output_messages")
                        || key.equals("input.value")
                        || key.equals("output.value"));
        assertThat(attributeKeys(method)).doesNotContain("input.value", "output.value");
    }

    @Test
    void contentCaptureAddsFlattenedMessagesAndInputAndOutputTruncated() {
        run(
                List.of(
                        "--llamatrace.capture-content=true",
                        "--llamatrace.content-max-length=40",
                        "--llamatrace.aop.capture-arguments=true"),
                (context) -> context.getBean(AnswerService.class).answer("Hi"));
        Received chat = awaitSpan(CHAT_SPAN);
        Received method = awaitSpan(METHOD_SPAN);

        assertThat(chat.attribute("llm.input_messages.0.message.role")).isEqualTo("system");
        assertThat(chat.attribute("llm.input_messages.0.message.content")).isEqualTo("Be brief");
        assertThat(chat.attribute("llm.input_messages.1.message.role")).isEqualTo("user");
        assertThat(chat.attribute("llm.input_messages.1.message.content")).isEqualTo("Hi");
        assertThat(chat.attribute("llm.output_messages.0.message.role")).isEqualTo("assistant");
        assertThat(chat.attribute("llm.output_messages.0.message.content")).isEqualTo(OpenAiStub.ANSWER);
        assertThat(chat.attribute("output.value")).isEqualTo(OpenAiStub.ANSWER);
        assertThat(chat.attribute("input.value")).contains("Be brief");
        assertThat(method.attribute("input.value")).contains("Hi");
        assertThat(method.attribute("output.value")).isEqualTo(OpenAiStub.ANSWER);
    }

    @Test
    void streamWithoutProviderUsageCarriesTheTokenizerCountsOfTheTokenCountingHandler() {
        List<TokenCountingEvent> counts = new ArrayList<>();
        run(List.of(), (context) -> {
            ChatModel model = context.getBean(ChatModel.class);
            List<ChatResponse> chunks = model.stream(new Prompt(
                            "Hi",
                            OpenAiChatOptions.builder()
                                    .model("gpt-4o-mini")
                                    .streamUsage(false)
                                    .build()))
                    .collectList()
                    .block(Duration.ofSeconds(10));
            assertThat(chunks).isNotEmpty();
            // The stream ends on the provider's reader thread; its span must be exported before the application closes.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !spansNamed(CHAT_SPAN).isEmpty());
            counts.addAll(context.getBean(TokenCountingHandler.class).llmTokenCounts());
        });
        Received chat = awaitSpan(CHAT_SPAN);

        TokenCountingEvent count = counts.get(0);
        assertThat(count.completionSource()).isEqualTo(TokenSource.TOKENIZER);
        assertThat(count.completionTokenCount()).isPositive();
        assertThat(chat.attribute("openinference.span.kind")).isEqualTo("LLM");
        assertThat(chat.attribute("llm.token_count.prompt")).isEqualTo(Integer.toString(count.promptTokenCount()));
        assertThat(chat.attribute("llm.token_count.completion"))
                .isEqualTo(Integer.toString(count.completionTokenCount()));
        assertThat(chat.attribute("llm.token_count.total")).isEqualTo(Integer.toString(count.totalTokenCount()));
    }

    @Test
    void chatClientStreamInsideALlamaSpanMethodKeepsSpringAiNestingUnderTheMethod() {
        run(List.of(), (context) -> {
            ChatClient client = context.getBean(ChatClient.Builder.class).build();
            assertThat(context.getBean(AnswerService.class).streamWithChatClient(client, "Hi"))
                    .isEqualTo(String.join("", OpenAiStub.STREAM_CHUNKS));
            // Spring AI stops the ChatClient observation after the subscriber saw completion; it must end (and be
            // exported) before the application closes.
            await().atMost(Duration.ofSeconds(20)).until(() -> chatClientSpan().isPresent());
        });
        Received method = awaitSpan("AnswerService.streamWithChatClient");
        Received chat = awaitSpan(CHAT_SPAN);
        await().atMost(Duration.ofSeconds(10)).until(() -> this.application.spans().stream()
                .anyMatch((span) -> "chat_client".equals(span.attribute("spring.ai.kind"))));
        Received chatClient = this.application.spans().stream()
                .filter((span) -> "chat_client".equals(span.attribute("spring.ai.kind")))
                .findFirst()
                .orElseThrow();

        assertThat(chatClient.span().getParentSpanId()).isEqualTo(method.span().getSpanId());
        assertThat(chatClient.attribute("openinference.span.kind")).isEqualTo("CHAIN");
        // The model span hangs under the ChatClient span through its advisors, not directly under the method.
        assertThat(chat.span().getParentSpanId()).isNotEqualTo(method.span().getSpanId());
        assertThat(ancestorsOf(chat)).contains(chatClient.span().getSpanId());
        assertThat(chat.span().getTraceId()).isEqualTo(method.span().getTraceId());
        assertThat(chat.attribute("openinference.span.kind")).isEqualTo("LLM");
    }

    @Test
    void langChain4jCallInsideALlamaSpanMethodIsExportedAsAnLlmSpanUnderIt() {
        run(List.of("--llamatrace.capture-content=true"), (context) -> {
            OpenAiChatModel model = OpenAiChatModel.builder()
                    .baseUrl(this.application.stub().baseUrl())
                    .apiKey("test-key")
                    .modelName("gpt-4o")
                    .maxRetries(0)
                    .listeners(List.copyOf(
                            context.getBeansOfType(ChatModelListener.class).values()))
                    .build();
            assertThat(context.getBean(AnswerService.class).answerWithLangChain4j(model, "Hi"))
                    .isEqualTo(OpenAiStub.ANSWER);
        });
        Received method = awaitSpan("AnswerService.answerWithLangChain4j");
        Received chat = awaitSpan("chat gpt-4o");

        assertThat(spansNamed("chat gpt-4o")).hasSize(1);
        assertThat(chat.span().getParentSpanId()).isEqualTo(method.span().getSpanId());
        assertThat(chat.span().getTraceId()).isEqualTo(method.span().getTraceId());
        assertThat(method.attribute("openinference.span.kind")).isEqualTo("CHAIN");
        assertThat(chat.attribute("openinference.span.kind")).isEqualTo("LLM");
        assertThat(chat.attribute("llm.model_name")).isEqualTo("gpt-4o");
        assertThat(chat.attribute("gen_ai.provider.name")).isEqualTo("openai");
        assertThat(chat.attribute("llm.token_count.total")).isEqualTo("15");
        assertThat(chat.attribute("llm.input_messages.0.message.role")).isEqualTo("user");
        assertThat(chat.attribute("llm.input_messages.0.message.content")).isEqualTo("Hi");
        assertThat(chat.attribute("llm.output_messages.0.message.content")).isEqualTo(OpenAiStub.ANSWER);
    }

    private void run(List<String> extraArguments, ContextCallback callback) {
        this.application.run(extraArguments, callback::run);
    }

    private Received awaitSpan(String name) {
        return this.application.awaitSpan(name, (span) -> true);
    }

    private List<Received> spansNamed(String name) {
        return this.application.spansNamed(name);
    }

    private Optional<Received> chatClientSpan() {
        return this.application.spans().stream()
                .filter((span) -> "chat_client".equals(span.attribute("spring.ai.kind")))
                .findFirst();
    }

    private List<ByteString> ancestorsOf(Received span) {
        List<ByteString> ancestors = new ArrayList<>();
        ByteString parentId = span.span().getParentSpanId();
        while (!parentId.isEmpty() && ancestors.size() < 16) {
            ancestors.add(parentId);
            ByteString id = parentId;
            parentId = this.application.spans().stream()
                    .filter((candidate) -> candidate.span().getSpanId().equals(id))
                    .map((candidate) -> candidate.span().getParentSpanId())
                    .findFirst()
                    .orElse(ByteString.EMPTY);
        }
        return ancestors;
    }

    private static List<String> attributeKeys(Received span) {
        return span.span().getAttributesList().stream()
                .map((attribute) -> attribute.getKey())
                .toList();
    }

    @FunctionalInterface
    interface ContextCallback {

        void run(ConfigurableApplicationContext context);
    }

    /** A service whose methods are {@code @LlamaSpan}s around model calls. */
    static class AnswerService {

        private final ChatModel chatModel;

        AnswerService(ChatModel chatModel) {
            this.chatModel = chatModel;
        }

        @LlamaSpan
        public String answer(String question) {
            Prompt prompt = new Prompt(List.of(
                    new SystemMessage("Be brief"), new org.springframework.ai.chat.messages.UserMessage(question)));
            return this.chatModel.call(prompt).getResult().getOutput().getText();
        }

        @LlamaSpan
        public String streamWithChatClient(ChatClient client, String question) {
            List<String> chunks =
                    client.prompt(question).stream().content().collectList().block(Duration.ofSeconds(10));
            return String.join("", chunks);
        }

        @LlamaSpan
        public String answerWithLangChain4j(OpenAiChatModel model, String question) {
            return model.chat(UserMessage.from(question)).aiMessage().text();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TracedApplication {

        @Bean
        DispatcherRegistry dispatcherRegistry() {
            return new DispatcherRegistry();
        }

        @Bean
        AnswerService answerService(ChatModel chatModel) {
            return new AnswerService(chatModel);
        }
    }
}
