package dev.llamatrace.core;

import dev.llamatrace.core.span.SpanHandler;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out dispatchers by dotted name, one instance per name, plus a root.
 *
 * <p>The parent of a dispatcher is its nearest <em>existing</em> ancestor by dotted name ({@code a.b.c} with only
 * {@code a} registered gets {@code a}), and creating an intermediate dispatcher re-parents existing descendants, as
 * logging frameworks do with loggers. Create one registry per test or application context to keep them isolated;
 * {@link Dispatchers} holds the process-wide default that libraries use.
 */
public final class DispatcherRegistry {

    /** The name of the root dispatcher. */
    public static final String ROOT_NAME = "root";

    private final Map<String, Dispatcher> dispatchers = new ConcurrentHashMap<>();

    private final Dispatcher root;

    private final AtomicInteger generation = new AtomicInteger();

    private final HandlerFailures failures = new HandlerFailures();

    private final DispatcherShutdown shutdown = new DispatcherShutdown(this.failures);

    /** Creates a registry holding only a root dispatcher. */
    public DispatcherRegistry() {
        this.root = new Dispatcher(this, ROOT_NAME, null);
        this.dispatchers.put(ROOT_NAME, this.root);
    }

    /**
     * Returns the root dispatcher, where the walk of every propagating dispatcher ends.
     *
     * @return the root
     */
    public Dispatcher root() {
        return this.root;
    }

    /**
     * Returns the dispatcher for a dotted name, creating it on first use.
     *
     * @param name a dotted name such as {@code com.example.rag}; empty or {@value #ROOT_NAME} gives the root
     * @return the one dispatcher of that name
     * @throws IllegalArgumentException when the name has an empty segment
     */
    public Dispatcher get(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isEmpty()) {
            return this.root;
        }
        Dispatcher existing = this.dispatchers.get(name);
        return (existing != null) ? existing : create(name);
    }

    /**
     * Returns the dispatcher named after a class's fully qualified name.
     *
     * @param type the class
     * @return the one dispatcher of that name
     */
    public Dispatcher get(Class<?> type) {
        return get(type.getName());
    }

    /**
     * Returns every dispatcher of this registry, the root included.
     *
     * @return an unmodifiable view
     */
    public Collection<Dispatcher> dispatchers() {
        return Collections.unmodifiableCollection(this.dispatchers.values());
    }

    /**
     * Returns the failure policy shared by this registry's dispatchers, with its count of isolated handler failures.
     *
     * @return the failures
     */
    public HandlerFailures failures() {
        return this.failures;
    }

    /**
     * Shuts down every dispatcher of this registry ({@link Dispatcher#shutdown()}): every span handler attached anywhere
     * drops its open spans and is closed, once. Idempotent; a Spring context calls it when it closes a registry it owns.
     *
     * @return how many open spans were dropped
     */
    public int shutdown() {
        int dropped = 0;
        for (Dispatcher dispatcher : this.dispatchers.values()) {
            dropped += dispatcher.shutdown();
        }
        return dropped;
    }

    /**
     * Shuts one span handler down as {@link Dispatcher#shutdown()} would, whether or not it is still attached: for
     * integrations that detach the handlers they attached to a registry they share with others.
     *
     * @param handler the handler
     * @return how many of its open spans were dropped; 0 when it was already shut down in this registry
     */
    public int shutdown(SpanHandler<?> handler) {
        return shutdown(new SpanHandler<?>[] {handler});
    }

    int shutdown(SpanHandler<?>[] handlers) {
        return this.shutdown.shutdown(handlers);
    }

    int generation() {
        return this.generation.get();
    }

    void invalidate() {
        this.generation.incrementAndGet();
    }

    private synchronized Dispatcher create(String name) {
        Dispatcher existing = this.dispatchers.get(name);
        if (existing != null) {
            return existing;
        }
        if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException("Dispatcher name '" + name + "' has an empty segment");
        }
        Dispatcher dispatcher = new Dispatcher(this, name, nearestAncestor(name));
        String prefix = name + ".";
        for (Dispatcher other : this.dispatchers.values()) {
            Dispatcher otherParent = other.parent();
            if (other.name().startsWith(prefix)
                    && otherParent != null
                    && (otherParent == this.root || otherParent.name().length() < name.length())) {
                other.parent(dispatcher);
            }
        }
        this.dispatchers.put(name, dispatcher);
        invalidate();
        return dispatcher;
    }

    private Dispatcher nearestAncestor(String name) {
        String candidate = name;
        int dot;
        while ((dot = candidate.lastIndexOf('.')) > 0) {
            candidate = candidate.substring(0, dot);
            Dispatcher ancestor = this.dispatchers.get(candidate);
            if (ancestor != null) {
                return ancestor;
            }
        }
        return this.root;
    }
}
