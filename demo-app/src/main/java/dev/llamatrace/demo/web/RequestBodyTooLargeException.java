package dev.llamatrace.demo.web;

import java.io.IOException;

/** Thrown while reading a request body that is larger than the configured limit. */
final class RequestBodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    RequestBodyTooLargeException(long limit) {
        super("Request body is larger than " + limit + " bytes");
    }
}
