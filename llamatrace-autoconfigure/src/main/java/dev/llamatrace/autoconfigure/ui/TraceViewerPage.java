package dev.llamatrace.autoconfigure.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the trace viewer: one HTML page, one script, one style sheet, all from this jar. The page is told where the
 * endpoint is and fetches it itself; nothing here reads trace data.
 */
final class TraceViewerPage {

    /**
     * Everything the page loads comes from this application; nothing inline, nothing from elsewhere. {@code data:} only
     * for the empty favicon.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static final String SCRIPT = "/viewer.js";

    static final String STYLE = "/viewer.css";

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    private final String path;

    private final String endpointPath;

    private final String html;

    private final byte[] script;

    private final byte[] style;

    TraceViewerPage(String path, String endpointPath) {
        this.path = path;
        this.endpointPath = endpointPath;
        this.html = new String(read("index.html"), StandardCharsets.UTF_8);
        this.script = read("viewer.js");
        this.style = read("viewer.css");
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(this.path, this::page)
                .GET(this.path + "/", this::page)
                .GET(this.path + SCRIPT, (request) -> asset(this.script, JAVASCRIPT))
                .GET(this.path + STYLE, (request) -> asset(this.style, CSS))
                .build();
    }

    private ServerResponse page(ServerRequest request) {
        String context = request.requestPath().contextPath().value();
        String body = this.html
                .replace("{{base}}", HtmlUtils.htmlEscape(context + this.path))
                .replace("{{endpoint}}", HtmlUtils.htmlEscape(context + this.endpointPath));
        return secured(ServerResponse.ok()).contentType(MediaType.TEXT_HTML).body(body);
    }

    private static ServerResponse asset(byte[] content, MediaType type) {
        return secured(ServerResponse.ok()).contentType(type).body(content);
    }

    private static ServerResponse.BodyBuilder secured(ServerResponse.BodyBuilder response) {
        return response.cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    private static byte[] read(String name) {
        try (InputStream in = TraceViewerPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Trace viewer asset " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
