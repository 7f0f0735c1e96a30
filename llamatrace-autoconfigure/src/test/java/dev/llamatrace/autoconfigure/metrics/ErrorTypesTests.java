package dev.llamatrace.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ErrorTypesTests {

    @Test
    void errorClassesBeyondTheCapShareTheOtherValue() {
        ErrorTypes types = new ErrorTypes(2);
        assertThat(types.of(new IllegalStateException())).isEqualTo(IllegalStateException.class.getName());
        assertThat(types.of(new CancellationException())).isEqualTo(CancellationException.class.getName());
        assertThat(types.of(new UncheckedIOException(new java.io.IOException())))
                .isEqualTo("_OTHER");
        assertThat(types.of(new IllegalStateException("again")))
                .as("a class seen before keeps its value")
                .isEqualTo(IllegalStateException.class.getName());
    }
}
