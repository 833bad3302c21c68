package io.teamscpe.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.teamscpe.platform.json.TextJson;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a service returns is RFC 9457 problem+json; no stack traces, no class names. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", fieldOf(v.getPropertyPath().toString()), "message", v.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .collect(Collectors.toList());
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message"))
                .collect(Collectors.joining("; "));
        return respond(new Problem(Problem.TYPE_BASE + "validation-failed", "The request is not valid", 400,
                "Fix these fields and send again: " + detail, uri.getPath(), Map.of("errors", errors)));
    }

    /** Declared for the subtypes too: Quarkus ships mappers for them, and the most specific mapper wins. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "malformed-body", "The request body cannot be read", 400,
                "The JSON body is malformed or has a value of the wrong type" + where(e)
                        + ". Check it against the API documentation (/q/openapi).", uri.getPath(), null));
    }

    @ServerExceptionMapper(TextJson.ControlCharacterException.class)
    public Response controlCharacter(TextJson.ControlCharacterException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "control-character", "Control character in the body", 400,
                "The value" + where(e) + " holds a control character (such as NUL); remove it and send again.",
                uri.getPath(), null));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "unauthorized",
                        "Authentication required", 401,
                        "Send a valid bearer token from your firm's identity provider.", uri.getPath(), null)))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Not allowed", 403,
                "Your role does not allow this action.", uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // Quarkus' JSON reader wraps a body cut short (or otherwise unparsable) in a bare 400
            return unreadable(json, uri);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert: the path exists, the value is wrong
            return respond(new Problem(Problem.TYPE_BASE + "invalid-parameter", "A parameter has the wrong form", 400,
                    "A path or query parameter does not have the form this endpoint expects (a number, date, "
                            + "UUID or one of the listed values); check it against /q/openapi.", uri.getPath(), null));
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is no resource at this path. Check the URL against /q/openapi.";
            case 405 -> "This path does not accept that HTTP method.";
            case 406, 415 -> "Use application/json (or the media type the API documents for this path).";
            default -> reason;
        };
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, reason, status, detail, uri.getPath(),
                null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return respond(new Problem(Problem.TYPE_BASE + "internal-error", "Unexpected error", 500,
                "Something went wrong on our side; nothing was changed. Try again, and quote incident " + incident
                        + " if it persists.", uri.getPath(), Map.of("incident", incident)));
    }

    private static String where(JsonProcessingException e) {
        return e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " at '" + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : "[" + r.getIndex() + "]").collect(Collectors.joining(".")) + "'"
                : "";
    }

    private static String fieldOf(String propertyPath) {
        // "create.request.name" -> "name", "list.size" -> "size": the method and argument names mean nothing to the
        // caller, a query or path parameter's name does
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length))
                : parts[parts.length - 1];
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
