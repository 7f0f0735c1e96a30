package dev.llamatrace.demo;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.Dispatchers;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Finds the dispatcher of a demo class on the application's {@link DispatcherRegistry} bean. With
 * {@code llamatrace.enabled=false} that bean is a registry no handler listens to, so every event and span costs nothing
 * and the demo runs uninstrumented; the process-wide default is only the fallback of a context without the starter.
 */
public final class DemoDispatchers {

    private DemoDispatchers() {}

    /**
     * Returns the dispatcher named after a class.
     *
     * @param registry the application's registry, if llamatrace is on
     * @param type the class
     * @return its dispatcher
     */
    public static Dispatcher get(ObjectProvider<DispatcherRegistry> registry, Class<?> type) {
        return registry.getIfAvailable(Dispatchers::registry).get(type);
    }
}
