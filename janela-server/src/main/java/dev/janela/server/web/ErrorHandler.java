package dev.janela.server.web;

import dev.janela.core.JanelaException;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Answers every failure in the error shape of the API it happened on; only unexpected ones are logged. */
@RestControllerAdvice
class ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    private final ErrorResponses errors;

    ErrorHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal refusal, HttpServletRequest request) {
        return errors.of(request, refusal);
    }

    @ExceptionHandler(JanelaException.class)
    ResponseEntity<Object> refusedByTheCore(JanelaException refusal, HttpServletRequest request) {
        return errors.of(request, ErrorTable.refusalOf(refusal));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException problem, HttpServletRequest request) {
        Optional<RequestTooLargeException> tooLarge = tooLargeBody(problem);
        if (tooLarge.isPresent()) {
            return errors.of(request, RequestSizeFilter.tooLarge(tooLarge.get().limit()));
        }
        if (isBodyMissing(problem)) {
            return errors.of(request, new Refusal(Reason.INVALID_REQUEST, "the request body is empty; send "
                    + expectedBody(request)));
        }
        return errors.of(request, new Refusal(Reason.INVALID_REQUEST,
                "the request body is not valid JSON of the expected shape"));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
        MethodArgumentTypeMismatchException.class})
    ResponseEntity<Object> badParameter(Exception problem, HttpServletRequest request) {
        return errors.of(request, new Refusal(Reason.INVALID_REQUEST, problem.getMessage()));
    }

    /** Nothing there: the API's error shape, or for a person's browser the pages' error page. */
    @ExceptionHandler(NoResourceFoundException.class)
    Object noSuchPath(HttpServletRequest request) {
        String message = "there is nothing at " + request.getMethod() + " " + request.getRequestURI();
        if (!ApiPaths.isApi(request)) {
            return new ModelAndView("error", Map.of("status", 404, "message", message), HttpStatus.NOT_FOUND);
        }
        return errors.of(request, new Refusal(Reason.NOT_FOUND, message));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> wrongMethod(HttpRequestMethodNotSupportedException problem, HttpServletRequest request) {
        return errors.of(request, new Refusal(Reason.METHOD_NOT_ALLOWED, problem.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> wrongMediaType(HttpMediaTypeNotSupportedException problem, HttpServletRequest request) {
        String sent = request.getContentType() == null ? "the request has no Content-Type"
                : "the request's Content-Type is " + request.getContentType();
        String expected = problem.getSupportedMediaTypes().stream().findFirst().map(MediaType::toString)
                .orElse(MediaType.APPLICATION_JSON_VALUE);
        return errors.of(request, new Refusal(Reason.UNSUPPORTED_MEDIA_TYPE, sent + "; send the body with"
                + " Content-Type: " + expected));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException problem, HttpServletRequest request) {
        return errors.of(request, new Refusal(Reason.NOT_ACCEPTABLE, "this resource is answered as "
                + problem.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "))
                + "; ask for it with Accept: " + problem.getSupportedMediaTypes().stream().findFirst()
                .map(Object::toString).orElse("*/*")));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(HttpServletRequest request) {
        return errors.of(request, new Refusal(Reason.CONFLICT, "that exists already"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception problem, HttpServletRequest request) {
        LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), problem);
        return errors.of(request, Refusal.internal());
    }

    /** Spring's words for a required body that is absent: it has no other way of telling that case apart. */
    private static boolean isBodyMissing(HttpMessageNotReadableException problem) {
        return problem.getMessage() != null && problem.getMessage().startsWith("Required request body is missing");
    }

    /** What a body should be: of the type the request declares, or else JSON, which most endpoints read. */
    private static String expectedBody(HttpServletRequest request) {
        String declared = request.getContentType();
        if (declared == null || declared.toLowerCase(Locale.ROOT).contains("json")) {
            return "a JSON object, with Content-Type: application/json";
        }
        return "the " + declared + " this endpoint reads";
    }

    private static Optional<RequestTooLargeException> tooLargeBody(Throwable problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
