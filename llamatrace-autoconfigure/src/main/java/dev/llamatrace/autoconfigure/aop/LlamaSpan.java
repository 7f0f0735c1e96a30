package dev.llamatrace.autoconfigure.aop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opens a llamatrace span around each call of a bean method (or of every public method of an annotated bean class),
 * like LlamaIndex's {@code @dispatcher.span} decorator.
 *
 * <p>The span is named {@code <runtime simple class name>.<method>}, its parent is the span active on the calling
 * thread, and the application's result or exception passes through unchanged. Methods returning a
 * {@code CompletionStage}/{@code CompletableFuture}, a {@code java.util.stream.Stream}, or a Reactor {@code Mono} or
 * {@code Flux} end their span when the future completes, the stream is exhausted or closed, or the publisher
 * terminates or is cancelled, not when the method returns. Arguments are captured only with
 * {@code llamatrace.aop.capture-arguments=true}.
 *
 * <pre>{@code
 * @LlamaSpan(tags = {"component=retriever"})
 * public List<Document> retrieve(String query) { ... }
 * }</pre>
 *
 * <p>A parameter annotated {@link ConversationId} or {@link UserId} puts the span and everything inside it in that
 * conversation, or with that user.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface LlamaSpan {

    /**
     * Returns tags for the span and for everything inside it, each {@code key=value}. They are merged over the tags
     * already active. Keep values low-cardinality: they are copied onto every event of the span.
     *
     * @return the tags
     */
    String[] tags() default {};

    /**
     * Returns the dotted name of the dispatcher the span is entered on; by default the dispatcher named after the
     * bean's class, which propagates to the root.
     *
     * @return the dispatcher name, or empty for the class's dispatcher
     */
    String dispatcher() default "";
}
