package dev.llamatrace.core;

/**
 * The process-wide default {@link DispatcherRegistry}, for libraries: {@code Dispatchers.get(MyRetriever.class)}.
 * Applications and tests that want isolation create their own registry.
 */
public final class Dispatchers {

    private static final DispatcherRegistry DEFAULT = new DispatcherRegistry();

    private Dispatchers() {}

    /**
     * Returns the process-wide default registry.
     *
     * @return the registry
     */
    public static DispatcherRegistry registry() {
        return DEFAULT;
    }

    /**
     * Returns the default registry's root dispatcher.
     *
     * @return the root
     */
    public static Dispatcher root() {
        return DEFAULT.root();
    }

    /**
     * Returns the default registry's dispatcher for a dotted name.
     *
     * @param name a dotted name
     * @return the dispatcher
     */
    public static Dispatcher get(String name) {
        return DEFAULT.get(name);
    }

    /**
     * Returns the default registry's dispatcher named after a class.
     *
     * @param type the class
     * @return the dispatcher
     */
    public static Dispatcher get(Class<?> type) {
        return DEFAULT.get(type);
    }
}
