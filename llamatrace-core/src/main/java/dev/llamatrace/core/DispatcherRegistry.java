package dev.llamatrace.core;

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
