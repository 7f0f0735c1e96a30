package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.invocation.InvocationContext;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Tells a blocking AI-service method from a streamed one, from the interface and method names LangChain4j reports. A
 * streamed method ({@code TokenStream}, a reactive or future type) returns before its invocation completes, which then
 * completes on another thread.
 */
final class AiServiceMethods {

    private static final String TOKEN_STREAM = "dev.langchain4j.service.TokenStream";

    private AiServiceMethods() {}

    /** Returns whether every method of that name returns only once the invocation completed; false when unsure. */
    static boolean blocking(InvocationContext invocation) {
        Class<?> service = load(invocation.interfaceName());
        if (service == null || invocation.methodName() == null) {
            return false;
        }
        boolean found = false;
        for (Method method : service.getMethods()) {
            if (method.getName().equals(invocation.methodName())) {
                if (!returnsWhenDone(method.getReturnType())) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    private static boolean returnsWhenDone(Class<?> type) {
        String name = type.getName();
        return !(name.equals(TOKEN_STREAM)
                || name.startsWith("reactor.")
                || name.startsWith("org.reactivestreams.")
                || name.startsWith("io.smallrye.mutiny.")
                || Future.class.isAssignableFrom(type)
                || CompletionStage.class.isAssignableFrom(type));
    }

    private static @Nullable Class<?> load(@Nullable String name) {
        if (name == null) {
            return null;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, AiServiceMethods.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError ex) {
                // Try the next loader; without the interface the method counts as streamed (never left active).
            }
        }
        return null;
    }
}
