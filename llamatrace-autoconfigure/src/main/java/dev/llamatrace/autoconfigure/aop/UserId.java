package dev.llamatrace.autoconfigure.aop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of a {@link LlamaSpan} method that holds the user id: the span and everything inside it belong to
 * the conversation ({@code dev.llamatrace.core.context.Conversations}), completing the one set around the call. The
 * argument's {@code toString()} is used; a {@code null} or blank argument sets nothing.
 *
 * <pre>{@code
 * @LlamaSpan
 * public String ask(@UserId String userId, String question) { ... }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UserId {}
