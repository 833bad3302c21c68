package io.teamscpe.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Whether the services now generate a public contract that breaks clients of the committed one (openapi-diff): an
 * operation removed, a response or field removed, a type narrowed, a new required parameter or body field. Such a
 * change is acknowledged by a major bump of {@code info.version} (platform's
 * {@code quarkus.smallrye-openapi.info-version}), with the breaking change under /api/v2 as the README's
 * Compatibility policy says; without it the build fails, also when the committed file is being rewritten
 * ({@code -Dopenapi.write=true}), which would otherwise make the break invisible.
 */
public final class ContractCompatibility {
    /** What changed incompatibly ({@code breaks}, one line each, empty when compatible) and openapi-diff's report. */
    public record Verdict(List<String> breaks, boolean acknowledged, String committedVersion, String newVersion,
                          String report) {
        public boolean refused() {
            return !breaks.isEmpty() && !acknowledged;
        }

        /** The failure message: what breaks, how to acknowledge it, openapi-diff's own report. */
        public String explain() {
            return "The public contract changes incompatibly (info.version " + committedVersion + " -> "
                    + newVersion + "); clients of /api would break:\n  - " + String.join("\n  - ", breaks)
                    + "\nKeep the old shape (add, do not change: a new optional field or parameter, a new operation), "
                    + "or put the changed operation under /api/v2 and bump the major of "
                    + "quarkus.smallrye-openapi.info-version in platform's microprofile-config.properties (see the "
                    + "README's Compatibility policy).\n\nopenapi-diff's report:\n" + report;
        }
    }

    private ContractCompatibility() {
    }

    public static Verdict compare(ObjectNode committed, ObjectNode now) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(Yaml.write(List.of(committed)), Yaml.write(List.of(now)));
        List<String> breaks = new ArrayList<>();
        if (diff.isIncompatible()) {
            for (Endpoint e : diff.getMissingEndpoints()) {
                breaks.add("removed: " + e.getMethod() + " " + e.getPathUrl());
            }
            for (ChangedOperation op : diff.getChangedOperations()) {
                if (op.isIncompatible()) {
                    operation(op, breaks);
                }
            }
            if (breaks.isEmpty()) {
                breaks.add("incompatible (see openapi-diff's report)");
            }
        }
        String was = committed.path("info").path("version").asText("");
        String is = now.path("info").path("version").asText("");
        return new Verdict(breaks, major(is) > major(was), was, is, report(diff));
    }

    private static void operation(ChangedOperation op, List<String> out) {
        String where = op.getHttpMethod() + " " + op.getPathUrl();
        ChangedParameters parameters = op.getParameters();
        if (parameters != null && parameters.isIncompatible()) {
            parameters.getIncreased().stream().filter(p -> Boolean.TRUE.equals(p.getRequired()))
                    .forEach(p -> out.add(where + ": new required " + p.getIn() + " parameter " + p.getName()));
            parameters.getMissing().forEach(p -> out.add(where + ": " + p.getIn() + " parameter " + p.getName()
                    + " removed"));
            parameters.getChanged().stream().filter(c -> c.isIncompatible())
                    .forEach(c -> out.add(where + ": " + c.getIn() + " parameter " + c.getName()
                            + " changed incompatibly (now required, or its type narrowed)"));
        }
        if (op.getRequestBody() != null && op.getRequestBody().isIncompatible()) {
            out.add(where + ": request body changed incompatibly (a new required field, a narrowed type, a media "
                    + "type removed)");
        }
        ChangedApiResponse responses = op.getApiResponses();
        if (responses != null && responses.isIncompatible()) {
            responses.getMissing().keySet().forEach(code -> out.add(where + ": response " + code + " removed"));
            responses.getChanged().forEach((code, r) -> {
                if (r.isIncompatible()) {
                    out.add(where + ": response " + code + " changed incompatibly (a field removed or its type "
                            + "changed, a media type removed)");
                }
            });
        }
        if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isIncompatible()) {
            out.add(where + ": security requirements changed incompatibly");
        }
        if (out.stream().noneMatch(s -> s.startsWith(where))) {
            out.add(where + ": changed incompatibly (see openapi-diff's report)");
        }
    }

    private static String report(ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (java.io.IOException | RuntimeException e) {
            return "(openapi-diff could not render its report: " + e + ")";
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static int major(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The document's info.version. */
    public static String version(JsonNode doc) {
        return doc.path("info").path("version").asText("");
    }
}
