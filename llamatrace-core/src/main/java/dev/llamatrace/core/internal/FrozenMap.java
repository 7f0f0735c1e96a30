package dev.llamatrace.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable copy of a small map that keeps its iteration order and allows {@code null} values, as the payload maps
 * of events and responses need (a provider's raw response, sampling parameters, metadata). A payload map holds a
 * handful of entries and is built on every model call, so the copy is two arrays instead of a {@link LinkedHashMap}
 * with a table and an entry object per key; lookups scan the keys. Maps of more than {@value #MAX_ARRAY_SIZE} entries
 * are copied into a {@link LinkedHashMap}, so a lookup never scans more than that.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class FrozenMap<K, V> extends AbstractMap<K, V> {

    /** The largest map copied into arrays. */
    static final int MAX_ARRAY_SIZE = 8;

    private final Object[] keys;

    private final @Nullable Object[] values;

    private @Nullable Set<Map.Entry<K, V>> entries;

    private FrozenMap(Object[] keys, @Nullable Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * Returns an immutable copy of {@code map} in its iteration order; {@code map} itself when it is such a copy
     * already, {@link Map#of()} when it is empty.
     *
     * @param map the map to copy
     * @param <K> the key type
     * @param <V> the value type
     * @return the copy
     */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map) {
        if (map instanceof FrozenMap<?, ?>) {
            return (Map<K, V>) map;
        }
        int size = map.size();
        if (size == 0) {
            return Map.of();
        }
        if (size > MAX_ARRAY_SIZE) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
        Object[] keys = new Object[size];
        Object[] values = new Object[size];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
            keys[i] = entry.getKey();
            values[i] = entry.getValue();
            i++;
        }
        return new FrozenMap<>(keys, values);
    }

    /**
     * Returns an immutable map of one entry.
     *
     * @param key the key
     * @param value the value, possibly {@code null}
     * @param <K> the key type
     * @param <V> the value type
     * @return the map
     */
    public static <K, V> Map<K, V> of(K key, @Nullable V value) {
        return new FrozenMap<>(new Object[] {key}, new Object[] {value});
    }

    /**
     * Returns an immutable map of three entries, in this order.
     *
     * @param k1 the first key
     * @param v1 the first value
     * @param k2 the second key
     * @param v2 the second value
     * @param k3 the third key
     * @param v3 the third value
     * @param <K> the key type
     * @param <V> the value type
     * @return the map
     * @throws IllegalArgumentException when two keys are equal
     */
    public static <K, V> Map<K, V> of(K k1, @Nullable V v1, K k2, @Nullable V v2, K k3, @Nullable V v3) {
        if (Objects.equals(k1, k2) || Objects.equals(k1, k3) || Objects.equals(k2, k3)) {
            throw new IllegalArgumentException("duplicate key among " + k1 + ", " + k2 + ", " + k3);
        }
        return new FrozenMap<>(new Object[] {k1, k2, k3}, new Object[] {v1, v2, v3});
    }

    @Override
    public int size() {
        return this.keys.length;
    }

    @Override
    public boolean isEmpty() {
        return this.keys.length == 0;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable V get(@Nullable Object key) {
        int index = indexOf(key);
        return (index >= 0) ? (V) this.values[index] : null;
    }

    private int indexOf(@Nullable Object key) {
        Object[] keys = this.keys;
        for (int i = 0; i < keys.length; i++) {
            if (Objects.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        Set<Map.Entry<K, V>> entries = this.entries;
        if (entries == null) {
            entries = new Entries();
            this.entries = entries;
        }
        return entries;
    }

    private final class Entries extends AbstractSet<Map.Entry<K, V>> {

        @Override
        public int size() {
            return FrozenMap.this.keys.length;
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return new Iterator<>() {

                private int next;

                @Override
                public boolean hasNext() {
                    return this.next < FrozenMap.this.keys.length;
                }

                @Override
                @SuppressWarnings("unchecked")
                public Map.Entry<K, V> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    int i = this.next++;
                    return new AbstractMap.SimpleImmutableEntry<>(
                            (K) FrozenMap.this.keys[i], (V) FrozenMap.this.values[i]);
                }
            };
        }
    }
}
