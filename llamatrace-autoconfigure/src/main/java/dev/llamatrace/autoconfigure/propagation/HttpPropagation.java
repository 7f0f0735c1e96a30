package dev.llamatrace.autoconfigure.propagation;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.context.TraceContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries a dispatcher's propagation context ({@link Dispatcher#capturePropagationContext()}) in one HTTP header,
 * {@value #HEADER}: the context as a JSON object, Base64url-encoded without padding, at most {@value #MAX_LENGTH}
 * characters.
 *
 * <p>Propagation never breaks a request. A context that cannot be written (a handler entry that is not JSON, or too
 * long) is not sent; a header that cannot be read is ignored and the request runs without it. Each such case is
 * counted in {@link #failureCount()}, the first logged at WARN and later ones at DEBUG.
 */
public final class HttpPropagation {

    /** The header carrying the context. */
    public static final String HEADER = "llamatrace-context";

    /** The longest header value sent or read; servers commonly accept 8 KB for all headers together. */
    public static final int MAX_LENGTH = 4096;

    private static final Log logger = LogFactory.getLog(HttpPropagation.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Dispatcher dispatcher;

    private final LongAdder failures = new LongAdder();

    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * Creates the propagation of a dispatcher's context.
     *
     * @param dispatcher the dispatcher whose chain captures and restores, usually the root
     */
    public HttpPropagation(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Returns the header value for a request sent now, from the current thread's context.
     *
     * @return the value, or {@code null} when there is nothing to send or it cannot be sent
     */
    public @Nullable String outgoingHeader() {
        try {
            Map<String, Object> context = this.dispatcher.capturePropagationContext();
            if (context.isEmpty()) {
                return null;
            }
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(context));
            if (value.length() > MAX_LENGTH) {
                fail(
                        "The llamatrace propagation context is " + value.length() + " characters encoded, over the "
                                + MAX_LENGTH + " allowed in header " + HEADER + "; it is not sent",
                        null);
                return null;
            }
            return value;
        } catch (RuntimeException ex) {
            fail("The llamatrace propagation context could not be written to header " + HEADER, ex);
            return null;
        }
    }

    /**
     * Restores the context a request carried, until the scope closes.
     *
     * @param header the value of {@value #HEADER}, or {@code null} when the request had none
     * @return the scope to close when the request ends; a no-op scope when there is nothing to restore
     */
    public TraceContext.Scope restore(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return TraceContext.Scope.NOOP;
        }
        Map<String, Object> context;
        try {
            context = read(header);
        } catch (IllegalArgumentException | JacksonException ex) {
            fail("Ignoring header " + HEADER + ": " + ex.getMessage(), null);
            return TraceContext.Scope.NOOP;
        }
        try {
            return this.dispatcher.restorePropagationContext(context);
        } catch (RuntimeException ex) {
            fail("The llamatrace propagation context of header " + HEADER + " could not be restored", ex);
            return TraceContext.Scope.NOOP;
        }
    }

    /**
     * Returns how many contexts could not be sent or restored.
     *
     * @return the count
     */
    public long failureCount() {
        return this.failures.sum();
    }

    private static Map<String, Object> read(String header) {
        if (header.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "it is " + header.length() + " characters long, over the " + MAX_LENGTH + " allowed");
        }
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(header.trim());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("it is not Base64url (" + ex.getMessage() + ")");
        }
        Object value = JSON.readValue(json, Object.class);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(
                    "it is not a JSON object: " + new String(json, StandardCharsets.UTF_8).strip());
        }
        Map<String, Object> context = new LinkedHashMap<>();
        map.forEach((key, entry) -> context.put(String.valueOf(key), entry));
        return context;
    }

    private void fail(String message, @Nullable Exception cause) {
        this.failures.increment();
        if (this.warned.compareAndSet(false, true)) {
            logger.warn(message + " (further propagation failures are logged at DEBUG)", cause);
        } else if (logger.isDebugEnabled()) {
            logger.debug(message, cause);
        }
    }
}
