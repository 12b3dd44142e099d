package dev.duijie.web;

import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import dev.duijie.web.ProblemDetails.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The web edge of every error: domain problems and Spring MVC's own exceptions become localized
 * {@code application/problem+json} with our stable type URIs. Nothing a client sends ends as a bare 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemDetails problems;

    ApiExceptionHandler(ProblemDetails problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<Object> domainProblem(DomainProblem problem) {
        return respond(problems.of(problem, LocaleContextHolder.getLocale()), new HttpHeaders());
    }

    /**
     * PostgreSQL cannot be reached (restarting, failing over, the pool exhausted; a commit or rollback on a
     * connection that died is a {@link TransactionSystemException}): a 503 to retry, not a 500. A transaction
     * cut off this way is rolled back; a creation retried with the same Idempotency-Key is done once even in
     * the rare case that the commit went through and only its answer was lost.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        TransientDataAccessResourceException.class,
        TransactionSystemException.class
    })
    ResponseEntity<Object> databaseUnavailable(Exception failure) {
        log.warn("Database unavailable: {}", failure.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return respond(ProblemType.DATABASE_UNAVAILABLE, "problem.detail.database-unavailable", List.of(), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure) {
        log.error("Unexpected error", failure);
        return respond(ProblemType.INTERNAL_ERROR, "problem.detail.internal-error", List.of(), new HttpHeaders());
    }

    /** Every exception Spring MVC raises itself ends up here; we pick the problem type and fill the details. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        return switch (failure) {
            case MethodArgumentNotValidException invalid ->
                respond(
                        ProblemType.VALIDATION_FAILED,
                        "problem.detail.validation-failed",
                        fieldErrors(invalid.getBindingResult(), "", locale),
                        headers);
            case HandlerMethodValidationException invalid ->
                respond(
                        ProblemType.VALIDATION_FAILED,
                        "problem.detail.validation-failed",
                        parameterErrors(invalid, locale),
                        headers);
            case HttpMessageNotReadableException unreadable -> unreadable(unreadable, headers, locale);
            case MethodArgumentTypeMismatchException mismatch ->
                respond(
                        ProblemType.VALIDATION_FAILED,
                        "problem.detail.validation-failed",
                        List.of(new FieldError(
                                mismatch.getName(), problems.message("field.type-mismatch", new Object[0], locale))),
                        headers);
            case MissingServletRequestParameterException missing ->
                respond(
                        ProblemType.VALIDATION_FAILED,
                        "problem.detail.validation-failed",
                        List.of(new FieldError(
                                missing.getParameterName(), problems.message("NotNull", new Object[0], locale))),
                        headers);
            case MissingRequestHeaderException missing ->
                respond(
                        ProblemType.VALIDATION_FAILED,
                        "problem.detail.validation-failed",
                        List.of(new FieldError(
                                missing.getHeaderName(), problems.message("NotNull", new Object[0], locale))),
                        headers);
            case HttpMediaTypeNotSupportedException unsupported ->
                respond(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "problem.detail.unsupported-media-type",
                        List.of(),
                        headers);
            case HttpMediaTypeNotAcceptableException notAcceptable ->
                respond(ProblemType.NOT_ACCEPTABLE, "problem.detail.not-acceptable", List.of(), headers);
            case HttpRequestMethodNotSupportedException notAllowed ->
                respond(ProblemType.METHOD_NOT_ALLOWED, "problem.detail.method-not-allowed", List.of(), headers);
            case NoResourceFoundException notFound ->
                respond(ProblemType.NOT_FOUND, "problem.detail.no-such-path", List.of(), headers);
            default -> {
                if (status.is5xxServerError()) {
                    log.error("Server error from Spring MVC", failure);
                    yield respond(ProblemType.INTERNAL_ERROR, "problem.detail.internal-error", List.of(), headers);
                }
                // other 4xx from Spring MVC: keep its status, say it was malformed
                ProblemDetail problem = problems.of(
                        ProblemType.MALFORMED_REQUEST,
                        "problem.detail.malformed-request",
                        new Object[0],
                        List.of(),
                        locale);
                problem.setStatus(status.value());
                yield respond(problem, headers);
            }
        };
    }

    private ResponseEntity<Object> unreadable(
            HttpMessageNotReadableException unreadable, HttpHeaders headers, Locale locale) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge) {
                return respond(ProblemType.PAYLOAD_TOO_LARGE, "problem.detail.payload-too-large", List.of(), headers);
            }
        }
        // a JSON value of the wrong type, an unknown enum value or field: name the field
        if (unreadable.getCause() instanceof JacksonException jackson
                && !jackson.getPath().isEmpty()
                && jackson.getPath().getFirst().getPropertyName() != null) {
            String field = path(jackson.getPath());
            return respond(
                    ProblemType.VALIDATION_FAILED,
                    "problem.detail.validation-failed",
                    List.of(new FieldError(field, problems.message("field.unreadable", new Object[0], locale))),
                    headers);
        }
        return respond(ProblemType.MALFORMED_REQUEST, "problem.detail.malformed-json", List.of(), headers);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private List<FieldError> fieldErrors(Errors result, String prefix, Locale locale) {
        List<FieldError> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError error : result.getFieldErrors()) {
            errors.add(problems.violation(prefix + error.getField(), error, locale));
        }
        for (var error : result.getGlobalErrors()) {
            errors.add(problems.violation(prefix + error.getObjectName(), error, locale));
        }
        return errors;
    }

    private List<FieldError> parameterErrors(HandlerMethodValidationException invalid, Locale locale) {
        List<FieldError> errors = new ArrayList<>();
        for (var result : invalid.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bodyErrors) {
                errors.addAll(fieldErrors(bodyErrors, "", locale));
                continue;
            }
            String name = parameterName(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(problems.violation(name, error, locale));
            }
        }
        return errors;
    }

    /** The name the client used: the query parameter, header or path variable name. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.value().isEmpty()) {
            return query.value();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        return String.valueOf(parameter.getParameterName());
    }

    private ResponseEntity<Object> respond(
            ProblemType type, String detailKey, List<FieldError> fieldErrors, HttpHeaders headers) {
        return respond(
                problems.of(type, detailKey, new Object[0], fieldErrors, LocaleContextHolder.getLocale()), headers);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        // a preset content type is kept even when the client only accepts application/json
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
