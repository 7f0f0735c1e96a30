package dev.llamatrace.autoconfigure.endpoint;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets Jackson serialize every answer of the endpoint in a native image. Actuator derives hints from an operation's
 * declared return type, which covers {@link LlamaTraceEndpoint#summary()} but not the sections and items declared as
 * {@code Object}; so every descriptor record, with the types of its components, is registered for binding.
 */
final class LlamaTraceEndpointRuntimeHints implements RuntimeHintsRegistrar {

    private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        Class<?>[] descriptors = Arrays.stream(LlamaTraceDescriptors.class.getDeclaredClasses())
                .filter(Class::isRecord)
                .toArray(Class<?>[]::new);
        this.bindings.registerReflectionHints(hints.reflection(), descriptors);
    }
}
