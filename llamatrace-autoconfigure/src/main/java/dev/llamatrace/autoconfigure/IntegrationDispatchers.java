package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import org.springframework.core.env.Environment;

/**
 * The dispatcher a framework integration's injectable beans (LangChain4j listeners, the Spring AI first-chunk advisor)
 * emit on. A switched-off integration keeps those beans, so application code that injects them starts and runs the
 * same; they then emit on a dispatcher of a registry of their own that no handler is attached to, where every event
 * and span costs nothing.
 */
public final class IntegrationDispatchers {

    private IntegrationDispatchers() {}

    /**
     * Returns the integration's dispatcher on the application's registry when both {@code llamatrace.enabled} and the
     * integration's own switch are on (both default to on), and a dispatcher nothing listens to otherwise.
     *
     * @param registry the application's registry
     * @param name the integration's dispatcher name
     * @param environment where the switches are read
     * @param switchProperty the integration's {@code enabled} property
     * @return the dispatcher to emit on
     */
    public static Dispatcher get(
            DispatcherRegistry registry, String name, Environment environment, String switchProperty) {
        boolean on = isOn(environment, LlamaTraceProperties.ENABLED) && isOn(environment, switchProperty);
        return on ? registry.get(name) : new DispatcherRegistry().get(name);
    }

    private static boolean isOn(Environment environment, String property) {
        return environment.getProperty(property, Boolean.class, true);
    }
}
