package dev.llamatrace.demo.web;

import com.openai.errors.OpenAIException;
import dev.llamatrace.demo.index.IndexNotReadyException;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.StringUtils;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every kind of bad request into a 400 whose RFC 9457 problem detail says what is wrong, and never leaks a
 * stack trace. Spring MVC answers an unsupported content type with 415; the API answers 400, since the fix is the
 * same as for any other malformed request. A question that arrives before the index is built gets a 503, a failing
 * model call a 502.
 */
@RestControllerAdvice
final class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Log logger = LogFactory.getLog(ApiProblems.class);

    private static final String EXAMPLE = "send JSON like {\"question\": \"How do I export traces to Zipkin?\"}";

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getAllErrors().stream()
                .map((error) -> error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return badRequest(ex, detail, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getParameterValidationResults().stream()
                .map(ParameterValidationResult::getResolvableErrors)
                .flatMap((errors) -> errors.stream().map((error) -> error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return badRequest(ex, detail, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = (ex.getContentType() != null) ? "'" + ex.getContentType() + "'" : "no content type";
        return badRequest(ex, "Content type " + sent + " is not supported; " + EXAMPLE, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(ex, unreadableDetail(ex), headers, request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> handleIndexNotReady(IndexNotReadyException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> handleModelFailure(OpenAIException ex) {
        logger.warn("The model call failed", ex);
        String detail = "The model call failed: " + ex.getMessage()
                + ". Check the spring.ai.openai.* settings (base URL, API key, model).";
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail));
    }

    private @Nullable ResponseEntity<Object> badRequest(
            Exception ex, String detail, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String unreadableDetail(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge.getMessage();
            }
        }
        Throwable cause = ex.getCause();
        if (cause instanceof StreamReadException parse) {
            return "Request body is not valid JSON" + at(parse.getLocation()) + "; " + EXAMPLE;
        }
        if (cause instanceof JacksonException mapping && StringUtils.hasText(mapping.getPathReference())) {
            String field = mapping.getPath().stream()
                    .map((reference) -> (reference.getPropertyName() != null)
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "Field '" + field + "' has the wrong type; " + EXAMPLE;
        }
        if (cause instanceof JacksonException) {
            return "Request body must be a JSON object; " + EXAMPLE;
        }
        return "Request body is missing or unreadable; " + EXAMPLE;
    }

    private static String at(@Nullable TokenStreamLocation location) {
        return (location != null && location.getLineNr() > 0)
                ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"
                : "";
    }
}
