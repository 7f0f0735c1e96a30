package dev.llamatrace.autoconfigure.propagation;

import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/** Adds the {@value HttpPropagation#HEADER} header to {@code RestClient} requests, unless the caller set one. */
final class PropagationRequestInterceptor implements ClientHttpRequestInterceptor {

    private final HttpPropagation propagation;

    PropagationRequestInterceptor(HttpPropagation propagation) {
        this.propagation = propagation;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!request.getHeaders().containsHeader(HttpPropagation.HEADER)) {
            String header = this.propagation.outgoingHeader();
            if (header != null) {
                request.getHeaders().set(HttpPropagation.HEADER, header);
            }
        }
        return execution.execute(request, body);
    }
}
