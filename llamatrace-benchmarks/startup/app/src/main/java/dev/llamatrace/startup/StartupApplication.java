package dev.llamatrace.startup;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
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
 * controller, actuator with Prometheus. It prints {@code startup-ms=<JVM uptime when ready>}, the process's CPU time,
 * the classes loaded by then and the main thread's CPU time, then the bean definitions and Boot's condition evaluations
 * (all, and llamatrace's), and exits; with {@code STARTUP_PROFILE=1} the slowest startup steps (Boot's
 * {@link BufferingApplicationStartup}), with {@code STARTUP_BEANS=1} the names of llamatrace's bean definitions.
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
            // After the count: the thread bean's classes are not the application's.
            System.out.println("main-cpu-ms=" + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
            Counts.print(event.getApplicationContext());
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
        System.out.println("profile: slowest llamatrace bean steps (inclusive, ms):");
        byBean.entrySet().stream()
                .filter((entry) -> entry.getKey().toLowerCase().contains("llama"))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(20)
                .forEach((entry) -> System.out.printf("  %6.1f %s%n", entry.getValue() / 1000.0, entry.getKey()));
        System.out.println("profile: other steps (ms):");
        byStep.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(12)
                .forEach((entry) -> System.out.printf("  %6.1f %s%n", entry.getValue() / 1000.0, entry.getKey()));
    }

    /**
     * Counts printed after the timings: bean definitions (all, and llamatrace's) and what Boot's conditions decided. A
     * class of its own, so that the types it uses are loaded only after {@code classes-loaded} is printed.
     */
    static final class Counts {

        private Counts() {}

        static void print(ConfigurableApplicationContext context) {
            ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
            String[] names = beanFactory.getBeanDefinitionNames();
            List<String> llamatrace = Arrays.stream(names)
                    .filter((name) -> isLlamaTraceBean(beanFactory, name))
                    .toList();
            if (System.getenv("STARTUP_BEANS") != null) {
                llamatrace.forEach((name) -> System.out.println("  bean " + name));
            }
            System.out.println("bean-definitions=" + names.length);
            System.out.println("llamatrace-bean-definitions=" + llamatrace.size());
            // Boot names the configuration classes it imports after the class.
            System.out.println("llamatrace-configuration-classes="
                    + llamatrace.stream().filter(Counts::isLlamaTrace).count());
            Map<String, ConditionEvaluationReport.ConditionAndOutcomes> bySource =
                    ConditionEvaluationReport.get(beanFactory).getConditionAndOutcomesBySource();
            System.out.println("condition-evaluations=" + evaluations(bySource, (source) -> true));
            System.out.println("llamatrace-condition-evaluations=" + evaluations(bySource, Counts::isLlamaTrace));
        }

        /** Defined by llamatrace: by name, by class, or by a {@code @Bean} method of a llamatrace configuration. */
        private static boolean isLlamaTraceBean(ConfigurableListableBeanFactory beanFactory, String name) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            return name.startsWith("llamatrace")
                    || isLlamaTrace(name)
                    || isLlamaTrace(definition.getBeanClassName())
                    || isLlamaTrace(definition.getFactoryBeanName());
        }

        private static long evaluations(
                Map<String, ConditionEvaluationReport.ConditionAndOutcomes> bySource, Predicate<String> sources) {
            return bySource.entrySet().stream()
                    .filter((entry) -> sources.test(entry.getKey()))
                    .mapToLong((entry) -> StreamSupport.stream(entry.getValue().spliterator(), false).count())
                    .sum();
        }

        /** A llamatrace name, not one of this application's. */
        private static boolean isLlamaTrace(@Nullable String name) {
            return name != null
                    && name.startsWith("dev.llamatrace.")
                    && !name.startsWith(StartupApplication.class.getPackageName());
        }
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
