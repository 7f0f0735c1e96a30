package dev.llamatrace.autoconfigure.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The meters of one name, one per combination of tag values, found by their values alone: recording into a known
 * series builds no {@link Tags} (which sorts and allocates on every call) but one small key. The values are given in
 * the order of the tag keys named at creation; a meter is registered the first time its values are seen.
 *
 * @param <M> the meter type
 */
final class MeterSeries<M> {

    private final List<String> keys;

    private final Function<Tags, M> register;

    private final ConcurrentMap<Values, M> meters = new ConcurrentHashMap<>();

    /**
     * Creates the series of one meter.
     *
     * @param keys the tag keys, two to four
     * @param register registers the meter of the given tags
     */
    MeterSeries(List<String> keys, Function<Tags, M> register) {
        if (keys.size() < 2 || keys.size() > Values.MAX_TAGS) {
            throw new IllegalArgumentException("A series has 2 to " + Values.MAX_TAGS + " tag keys, not " + keys);
        }
        this.keys = List.copyOf(keys);
        this.register = register;
    }

    /** Returns the meter of four tag values. */
    M get(String first, String second, String third, String fourth) {
        return get(new Values(first, second, third, fourth));
    }

    /** Returns the meter of the values, then one more (the outcome of an operation, for instance). */
    M get(Values values, String last) {
        return get(values.and(last));
    }

    /** Returns the meter of the values. */
    M get(Values values) {
        M meter = this.meters.get(values);
        return (meter != null)
                ? meter
                : this.meters.computeIfAbsent(values, (key) -> this.register.apply(key.tags(this.keys)));
    }

    /** Tag values in the order of a series' keys; those past the last are {@code null}. */
    record Values(String first, String second, @Nullable String third, @Nullable String fourth) {

        static final int MAX_TAGS = 4;

        Values {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        static Values of(String first, String second) {
            return new Values(first, second, null, null);
        }

        static Values of(String first, String second, String third) {
            return new Values(first, second, third, null);
        }

        Values and(String last) {
            if (this.third == null) {
                return new Values(this.first, this.second, last, null);
            }
            if (this.fourth == null) {
                return new Values(this.first, this.second, this.third, last);
            }
            throw new IllegalStateException("A series has at most " + MAX_TAGS + " tags");
        }

        Tags tags(List<String> keys) {
            List<Tag> tags = new ArrayList<>(keys.size());
            String[] values = {this.first, this.second, this.third, this.fourth};
            for (int i = 0; i < keys.size(); i++) {
                String value = values[i];
                if (value == null) {
                    throw new IllegalArgumentException("No value for tag " + keys.get(i));
                }
                tags.add(Tag.of(keys.get(i), value));
            }
            return Tags.of(tags);
        }
    }
}
