package dev.llamatrace.autoconfigure.propagation;

import dev.llamatrace.core.context.TraceContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Restores the propagation context of an incoming request's {@value HttpPropagation#HEADER} header while the request
 * is handled, so spans started for it are children of the caller's span and carry its tags. A bad header is ignored.
 */
final class PropagationServletFilter extends OncePerRequestFilter {

    private final HttpPropagation propagation;

    PropagationServletFilter(HttpPropagation propagation) {
        this.propagation = propagation;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (TraceContext.Scope restored = this.propagation.restore(request.getHeader(HttpPropagation.HEADER))) {
            chain.doFilter(request, response);
        }
    }
}
