package dev.llamatrace.autoconfigure.ui;

import dev.llamatrace.autoconfigure.endpoint.LlamaTraceEndpoint;
import org.springframework.core.env.Environment;

/**
 * Where the {@code llamatrace} endpoint is served, relative to the application's context path, from Boot's own
 * properties. Read from the environment rather than from actuator's classes: the page is served without actuator too,
 * and then explains that the endpoint is missing.
 */
final class EndpointPath {

    static final String BASE_PATH = "management.endpoints.web.base-path";

    static final String PATH_MAPPING = "management.endpoints.web.path-mapping." + LlamaTraceEndpoint.ID;

    private EndpointPath() {}

    /**
     * Returns the endpoint's path, e.g. {@code /actuator/llamatrace}.
     *
     * @param environment the environment
     * @return the path, starting with {@code /}
     */
    static String of(Environment environment) {
        String base = environment.getProperty(BASE_PATH, "/actuator");
        String mapping = environment.getProperty(PATH_MAPPING, LlamaTraceEndpoint.ID);
        return ("/" + trimSlashes(base) + "/" + trimSlashes(mapping)).replaceAll("/+", "/");
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
