package dev.llamatrace.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the dispatcher an {@code EventHandler} or {@code SpanHandler} bean is attached to. Without it, handler beans
 * listen on the root dispatcher and so see everything. Put it on the handler class or on its {@code @Bean} method:
 *
 * <pre>{@code
 * @Bean
 * @LlamaTraceHandler(dispatcher = "com.example.rag")
 * EventHandler ragAuditHandler() { ... }
 * }</pre>
 *
 * <p>The property {@code llamatrace.handlers.dispatchers.<bean name>} overrides the annotation.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LlamaTraceHandler {

    /**
     * Returns the dotted name of the dispatcher to attach the handler to.
     *
     * @return the dispatcher name; empty or {@code root} for the root
     */
    String dispatcher() default "";
}
