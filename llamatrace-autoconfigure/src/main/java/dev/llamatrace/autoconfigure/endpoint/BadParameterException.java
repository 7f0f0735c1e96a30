package dev.llamatrace.autoconfigure.endpoint;

import java.util.List;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * A path segment or query parameter of the endpoint with a value it cannot use. The endpoint answers it with a 400 whose
 * body names the parameter; Boot's own handling (a 400 without the reason by default) applies if it escapes.
 */
final class BadParameterException extends InvalidEndpointRequestException {

    private final String parameter;

    private final List<String> allowed;

    BadParameterException(String parameter, String message, List<String> allowed) {
        super(message, message);
        this.parameter = parameter;
        this.allowed = List.copyOf(allowed);
    }

    /** Rejects a value that is not what the parameter takes, e.g. {@code "an integer of at least 1"}. */
    static BadParameterException invalid(String parameter, String value, String expected, List<String> allowed) {
        return new BadParameterException(
                parameter, "Invalid " + parameter + " '" + value + "': expected " + expected, allowed);
    }

    /** Rejects a value outside a closed list. */
    static BadParameterException unknown(String parameter, String value, List<String> allowed) {
        return new BadParameterException(
                parameter, "Unknown " + parameter + " '" + value + "'; allowed values are " + allowed, allowed);
    }

    String parameter() {
        return this.parameter;
    }

    List<String> allowed() {
        return this.allowed;
    }
}
