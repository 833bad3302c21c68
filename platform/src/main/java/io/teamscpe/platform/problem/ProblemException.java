package io.teamscpe.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by use cases to refuse a request; becomes {@code application/problem+json}.
 * {@code slug} names the problem type ({@code https://teamscpe.io/problems/<slug>}).
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found",
                "No " + what.toLowerCase() + " with id " + id + " exists in your firm.");
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(400, slug, title, detail);
    }

    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), instance, Map.copyOf(extensions));
    }

    public int status() {
        return status;
    }
}
