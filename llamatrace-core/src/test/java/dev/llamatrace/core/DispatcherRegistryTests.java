package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DispatcherRegistryTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    @Test
    void sameNameGivesTheSameDispatcherAndEmptyOrRootNameGivesTheRoot() {
        Dispatcher dispatcher = this.registry.get("a.b");
        assertThat(this.registry.get("a.b")).isSameAs(dispatcher);
        assertThat(this.registry.get("")).isSameAs(this.registry.root());
        assertThat(this.registry.get(DispatcherRegistry.ROOT_NAME)).isSameAs(this.registry.root());
        assertThat(this.registry.root().parent()).isNull();
        assertThat(this.registry.root().name()).isEqualTo("root");
    }

    @Test
    void parentIsTheNearestExistingAncestorOrTheRoot() {
        Dispatcher top = this.registry.get("a");
        assertThat(this.registry.get("a.b.c").parent()).isSameAs(top);
        assertThat(this.registry.get("other.x").parent()).isSameAs(this.registry.root());
        assertThat(top.parent()).isSameAs(this.registry.root());
    }

    @Test
    void classDispatcherIsNamedAfterTheFullyQualifiedClassName() {
        Dispatcher dispatcher = this.registry.get(DispatcherRegistryTests.class);
        assertThat(dispatcher.name()).isEqualTo("dev.llamatrace.core.DispatcherRegistryTests");
        assertThat(this.registry.get("dev.llamatrace.core.DispatcherRegistryTests"))
                .isSameAs(dispatcher);
    }

    @Test
    void namesWithEmptySegmentsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.registry.get("a..b"));
        assertThatIllegalArgumentException().isThrownBy(() -> this.registry.get(".a"));
        assertThatIllegalArgumentException().isThrownBy(() -> this.registry.get("a."));
    }

    @Test
    void registriesAreIsolatedFromEachOther() {
        DispatcherRegistry other = new DispatcherRegistry();
        RecordingHandler recorder = new RecordingHandler();
        other.root().addEventHandler(recorder);
        this.registry.get("a").event(new DispatcherTests.MyEvent("v"));
        assertThat(recorder.events).isEmpty();
        assertThat(this.registry.dispatchers()).extracting(Dispatcher::name).containsExactlyInAnyOrder("root", "a");
    }
}
