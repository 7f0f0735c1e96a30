package dev.llamatrace.autoconfigure.aop;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.Conversations;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.span.SpanNames;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/** What the aspect needs to know about one annotated method of one bean class, resolved once and cached. */
final class SpanSpec {

    private static final Log logger = LogFactory.getLog(SpanSpec.class);

    /** The spec of a method that gets no span (e.g. an {@code Object} method of an annotated class). */
    static final SpanSpec NONE = new SpanSpec(null, "", Map.of(), new String[0], ReturnKind.VALUE, -1, -1);

    private final @Nullable Dispatcher dispatcher;

    private final String name;

    private final Map<String, Object> tags;

    private final String[] parameterNames;

    private final ReturnKind returnKind;

    /** The position of the {@link ConversationId} parameter, or -1. */
    private final int conversationIdIndex;

    /** The position of the {@link UserId} parameter, or -1. */
    private final int userIdIndex;

    private SpanSpec(
            @Nullable Dispatcher dispatcher,
            String name,
            Map<String, Object> tags,
            String[] parameterNames,
            ReturnKind returnKind,
            int conversationIdIndex,
            int userIdIndex) {
        this.dispatcher = dispatcher;
        this.name = name;
        this.tags = tags;
        this.parameterNames = parameterNames;
        this.returnKind = returnKind;
        this.conversationIdIndex = conversationIdIndex;
        this.userIdIndex = userIdIndex;
    }

    static SpanSpec resolve(DispatcherRegistry registry, Class<?> targetClass, Method method) {
        if (method.getDeclaringClass() == Object.class) {
            return NONE;
        }
        Class<?> userClass = ClassUtils.getUserClass(targetClass);
        LlamaSpan annotation = findAnnotation(userClass, method);
        if (annotation == null) {
            return NONE;
        }
        Dispatcher dispatcher =
                annotation.dispatcher().isEmpty() ? registry.get(userClass) : registry.get(annotation.dispatcher());
        String name = SpanNames.simpleName(targetClass) + "." + method.getName();
        String[] parameterNames = new String[method.getParameterCount()];
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            parameterNames[i] = parameters[i].getName();
        }
        Method specific = AopUtils.getMostSpecificMethod(method, userClass);
        return new SpanSpec(
                dispatcher,
                name,
                parseTags(annotation.tags(), name),
                parameterNames,
                ReturnKind.of(method),
                annotatedParameter(specific, method, ConversationId.class),
                annotatedParameter(specific, method, UserId.class));
    }

    /** The position of the parameter carrying {@code type} on the bean's method or the one it implements, or -1. */
    private static int annotatedParameter(Method specific, Method method, Class<? extends Annotation> type) {
        for (Method candidate : new Method[] {specific, method}) {
            Annotation[][] annotations = candidate.getParameterAnnotations();
            for (int i = 0; i < annotations.length; i++) {
                for (Annotation annotation : annotations[i]) {
                    if (annotation.annotationType() == type) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** Returns whether a call of {@code method} on a {@code targetClass} bean gets a span (before it is resolved). */
    static boolean isAnnotated(Class<?> targetClass, Method method) {
        return method.getDeclaringClass() != Object.class
                && findAnnotation(ClassUtils.getUserClass(targetClass), method) != null;
    }

    private static @Nullable LlamaSpan findAnnotation(Class<?> userClass, Method method) {
        Method specific = AopUtils.getMostSpecificMethod(method, userClass);
        LlamaSpan annotation = AnnotatedElementUtils.findMergedAnnotation(specific, LlamaSpan.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method, LlamaSpan.class);
        }
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(userClass, LlamaSpan.class);
        }
        return annotation;
    }

    private static Map<String, Object> parseTags(String[] entries, String spanName) {
        if (entries.length == 0) {
            return Map.of();
        }
        Map<String, Object> tags = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                // A malformed tag must not break the application's call; say so once, when the method is first seen.
                logger.warn("Ignoring @LlamaSpan tag '" + entry + "' on " + spanName + ": expected key=value");
                continue;
            }
            tags.put(
                    entry.substring(0, equals).trim(),
                    entry.substring(equals + 1).trim());
        }
        return Collections.unmodifiableMap(tags);
    }

    Dispatcher dispatcher() {
        Dispatcher dispatcher = this.dispatcher;
        if (dispatcher == null) {
            throw new IllegalStateException("No dispatcher for a method without span");
        }
        return dispatcher;
    }

    String name() {
        return this.name;
    }

    Map<String, Object> tags() {
        return this.tags;
    }

    ReturnKind returnKind() {
        return this.returnKind;
    }

    /** Opens the annotation's tags merged over the active ones; a no-op scope when the annotation has none. */
    TraceContext.Scope openTags() {
        if (this.tags.isEmpty()) {
            return TraceContext.Scope.NOOP;
        }
        Map<String, Object> current = TraceContext.currentTags();
        if (current.isEmpty()) {
            return TraceContext.withTags(this.tags);
        }
        Map<String, Object> merged = new LinkedHashMap<>(current);
        merged.putAll(this.tags);
        return TraceContext.withTags(merged);
    }

    /** Whether the method names a conversation or user through a parameter. */
    boolean hasConversation() {
        return this.conversationIdIndex >= 0 || this.userIdIndex >= 0;
    }

    /** Opens the conversation the call's arguments name; a no-op scope when they name none. */
    TraceContext.Scope openConversation(Object[] values) {
        String id = text(values, this.conversationIdIndex);
        String userId = text(values, this.userIdIndex);
        if (id == null && userId == null) {
            return TraceContext.Scope.NOOP;
        }
        return Conversations.open(new Conversation(id, userId));
    }

    private static @Nullable String text(Object[] values, int index) {
        Object value = (index >= 0 && index < values.length) ? values[index] : null;
        String text = (value != null) ? value.toString() : null;
        return (text != null && !text.isBlank()) ? text : null;
    }

    Map<String, Object> arguments(Object[] values) {
        if (values.length == 0) {
            return Map.of();
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < values.length && i < this.parameterNames.length; i++) {
            arguments.put(this.parameterNames[i], values[i]);
        }
        return Collections.unmodifiableMap(arguments);
    }
}
