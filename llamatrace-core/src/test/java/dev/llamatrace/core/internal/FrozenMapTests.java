package dev.llamatrace.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link FrozenMap}. */
class FrozenMapTests {

    @Test
    void copyKeepsTheOrderAndNullValues() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("model", "gpt-4o");
        source.put("stop", null);
        source.put("temperature", 0.2);

        Map<String, Object> copy = FrozenMap.copyOf(source);

        assertThat(copy)
                .containsExactly(
                        Map.entry("model", "gpt-4o"),
                        new java.util.AbstractMap.SimpleEntry<>("stop", null),
                        Map.entry("temperature", 0.2));
        assertThat(copy.containsKey("stop")).isTrue();
        assertThat(copy.get("stop")).isNull();
        assertThat(copy.get("absent")).isNull();
        assertThat(copy.containsKey("absent")).isFalse();
    }

    @Test
    void copyIsDetachedFromItsSource() {
        Map<String, Object> source = new LinkedHashMap<>(Map.of("a", 1));
        Map<String, Object> copy = FrozenMap.copyOf(source);

        source.put("b", 2);

        assertThat(copy).containsOnlyKeys("a");
    }

    @Test
    void copyCannotBeChanged() {
        Map<String, Object> copy = FrozenMap.copyOf(Map.of("a", 1));

        assertThatThrownBy(() -> copy.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
        Iterator<Map.Entry<String, Object>> entries = copy.entrySet().iterator();
        Map.Entry<String, Object> entry = entries.next();
        assertThatThrownBy(() -> entry.setValue(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(copy).containsExactly(Map.entry("a", 1));
    }

    @Test
    void equalsAndHashCodeAreThoseOfAnyMap() {
        Map<String, Object> source = new HashMap<>(Map.of("a", 1, "b", "two"));
        Map<String, Object> copy = FrozenMap.copyOf(source);

        assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source);
        assertThat(copy).hasToString(new LinkedHashMap<>(copy).toString());
    }

    @Test
    void aCopyIsNotCopiedAgainAndEmptyIsTheSharedEmptyMap() {
        Map<String, Object> copy = FrozenMap.copyOf(Map.of("a", 1));

        assertThat(FrozenMap.copyOf(copy)).isSameAs(copy);
        assertThat(FrozenMap.copyOf(new LinkedHashMap<>())).isSameAs(Map.of());
    }

    @Test
    void largeMapsAreCopiedInOrderAndStayUnmodifiable() {
        Map<String, Integer> source = new LinkedHashMap<>();
        for (int i = FrozenMap.MAX_ARRAY_SIZE * 2; i > 0; i--) {
            source.put("key" + i, i);
        }

        Map<String, Integer> copy = FrozenMap.copyOf(source);

        assertThat(copy).isNotInstanceOf(FrozenMap.class);
        assertThat(copy.keySet()).containsExactlyElementsOf(source.keySet());
        assertThatThrownBy(() -> copy.put("other", 0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofBuildsOrderedMapsAndRejectsDuplicateKeys() {
        assertThat(FrozenMap.of("usage", null)).containsKey("usage").hasSize(1);
        assertThat(FrozenMap.of("c", 3, "a", 1, "b", 2))
                .containsExactly(Map.entry("c", 3), Map.entry("a", 1), Map.entry("b", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> FrozenMap.of("a", 1, "b", 2, "a", 3));
    }
}
