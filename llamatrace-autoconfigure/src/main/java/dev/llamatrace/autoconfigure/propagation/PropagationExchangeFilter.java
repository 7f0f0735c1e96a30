package dev.llamatrace.autoconfigure.propagation;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Adds the {@value HttpPropagation#HEADER} header to {@code WebClient} requests, unless the caller set one. The context
 * is the one of the thread the exchange is subscribed on: the caller's for {@code block()}, or the one Reactor's
 * automatic context propagation restores.
 */
final class PropagationExchangeFilter implements ExchangeFilterFunction {

    private final HttpPropagation propagation;

    PropagationExchangeFilter(HttpPropagation propagation) {
        this.propagation = propagation;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (request.headers().containsHeader(HttpPropagation.HEADER)) {
            return next.exchange(request);
        }
        return Mono.defer(() -> {
            String header = this.propagation.outgoingHeader();
            ClientRequest sent = (header != null)
                    ? ClientRequest.from(request)
                            .header(HttpPropagation.HEADER, header)
                            .build()
                    : request;
            return next.exchange(sent);
        });
    }
}
