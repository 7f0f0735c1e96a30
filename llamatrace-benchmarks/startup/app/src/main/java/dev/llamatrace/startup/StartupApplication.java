package dev.llamatrace.startup;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.metrics.StartupStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small web application as a new user writes it: a Spring AI chat client and a LangChain4j OpenAI model behind one
 * controller, actuator with Prometheus. It prints {@code startup-ms=<JVM uptime when ready>}, the process's CPU time and
 * the classes loaded by then, and exits; with
 * {@code STARTUP_PROFILE=1} the slowest startup steps (Boot's {@link BufferingApplicationStartup}).
 */
@SpringBootApplication
public class StartupApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(StartupApplication.class);
        boolean profile = "1".equals(System.getenv("STARTUP_PROFILE"));
        BufferingApplicationStartup startup = profile ? new BufferingApplicationStartup(100_000) : null;
        if (startup != null) {
            application.setApplicationStartup(startup);
        }
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
            System.out.println("startup-ms=" + ManagementFactory.getRuntimeMXBean().getUptime());
            System.out.println("cpu-ms=" + ((com.sun.management.OperatingSystemMXBean)
                                    ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime() / 1_000_000);
            System.out.println("classes-loaded=" + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
            if (startup != null) {
                report(startup.getBufferedTimeline());
            }
        });
        ConfigurableApplicationContext context = application.run(args);
        System.exit(SpringApplication.exit(context));
    }

    private static void report(StartupTimeline timeline) {
        Map<String, Long> byBean = new HashMap<>();
        Map<String, Long> byStep = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
            StartupStep step = event.getStartupStep();
            long micros = event.getDuration().toNanos() / 1000;
            String bean = StreamSupport.stream(step.getTags().spliterator(), false)
                    .filter((tag) -> tag.getKey().equals("beanName"))
                    .map(StartupStep.Tag::getValue)
                    .findFirst()
                    .orElse(null);
            if (bean != null) {
                byBean.merge(bean, micros, Long::sum);
            } else {
                byStep.merge(step.getName(), micros, Long::sum);
            }
        }
        long llamatrace = byBean.entrySet().stream()
                .filter((entry) -> entry.getKey().toLowerCase().contains("llama"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        System.out.println("profile: beans with llama in their name, inclusive: " + llamatrace / 1000 + " ms");
        System.out.println("profile: slowest bean steps (inclusive, ms):");
        byBean.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(30)
                .forEach((entry) -> System.out.printf("  %6.1f %s%n", entry.getValue() / 1000.0, entry.getKey()));
        System.out.println("profile: other steps (ms):");
        byStep.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(12)
                .forEach((entry) -> System.out.printf("  %6.1f %s%n", entry.getValue() / 1000.0, entry.getKey()));
    }

    /** The LangChain4j model, never called here; every listener bean attached, as LangChain4j's starters do. */
    @Bean
    OpenAiChatModel langChain4jChatModel(ObjectProvider<ChatModelListener> listeners) {
        return OpenAiChatModel.builder()
                .baseUrl("http://127.0.0.1:9/v1")
                .apiKey("unused")
                .modelName("gpt-4o-mini")
                .listeners(listeners.orderedStream().toList())
                .build();
    }

    /** One endpoint using both clients. */
    @RestController
    static class AskController {

        private final ChatClient chatClient;

        private final OpenAiChatModel langChain4j;

        AskController(ChatClient.Builder builder, OpenAiChatModel langChain4j) {
            this.chatClient = builder.build();
            this.langChain4j = langChain4j;
        }

        @GetMapping("/ask")
        String ask(@RequestParam String question, @RequestParam(defaultValue = "spring-ai") String client) {
            return "langchain4j".equals(client)
                    ? this.langChain4j.chat(question)
                    : this.chatClient.prompt().user(question).call().content();
        }
    }
}
