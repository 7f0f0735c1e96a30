package dev.llamatrace.demo.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the size of request bodies. The body is not read here: the request's stream fails with
 * {@link RequestBodyTooLargeException} once more than the limit has been read, so the failure surfaces where the body
 * is parsed and {@link ApiProblems} turns it into a 400 like any other unreadable body. Counting what is read, rather
 * than trusting the declared length, covers chunked uploads too; and since the limit has been read by then, the rest of
 * a slightly larger body is small enough for the server to swallow, so the client still gets the 400 instead of a
 * broken connection.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedRequest(request, this.maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;

        private @Nullable ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.stream == null) {
                this.stream = new LimitedStream(super.getInputStream(), this.maxBytes);
            }
            return this.stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private final long maxBytes;

        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = this.delegate.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            int n = this.delegate.read(buffer, offset, length);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int justRead) throws RequestBodyTooLargeException {
            this.read += justRead;
            if (this.read > this.maxBytes) {
                throw new RequestBodyTooLargeException(this.maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return this.delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return this.delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            this.delegate.setReadListener(listener);
        }
    }
}
