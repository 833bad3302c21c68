package io.teamscpe.session.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.session.Session;
import io.teamscpe.session.api.SessionApi.CreateSession;
import io.teamscpe.session.service.SessionService;
import io.teamscpe.session.service.SessionService.Created;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A JSON merge patch (RFC 7396) of a session, turned into the whole body PUT takes: the session as it stands (its
 * credit types with their pinned versions; derived maxima left out so they are derived again), the patch merged
 * over it, then the same Bean Validation as PUT's body. Top-level {@code rulesetId}, {@code rulesetVersion},
 * {@code maxCredits} and {@code maxCreditsDerived} in a patch without {@code creditTypes} change the first credit
 * type, as on PUT.
 */
@ApplicationScoped
public class SessionMergePatch {
    /** The top-level fields that describe the first credit type. */
    private static final List<String> FIRST_TYPE = List.of("rulesetId", "rulesetVersion", "maxCredits",
            "maxCreditsDerived");
    /** How often a patch is applied again over a session that changed while it was being saved. */
    private static final int ATTEMPTS = 3;
    private final SessionService sessions;
    private final ObjectMapper mapper;
    private final Validator validator;

    public SessionMergePatch(SessionService sessions, ObjectMapper mapper, Validator validator) {
        this.sessions = sessions;
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * Applies the patch through PUT's update, every rule and event included. The update goes ahead only while the
     * session is still as the patch was applied to (else the fields the patch left alone would be written back as
     * they were): a session changed meanwhile has the patch applied again over its new state, at most
     * {@value #ATTEMPTS} times, and the caller's If-Match is checked against each state read.
     */
    public Created patch(String firmId, UUID id, String patch, IfMatch ifMatch) throws JsonProcessingException {
        for (int attempt = 1; ; attempt++) {
            Session current = sessions.editable(firmId, id);
            ifMatch.require(current.etag(), "session");
            CreateSession merged = apply(current, patch);
            try {
                return sessions.update(firmId, id, merged.draft(), IfMatch.parse(current.etag().header()));
            } catch (ProblemException e) {
                if (e.status() != 412) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new ProblemException(409, "concurrent-update", "Changed meanwhile", "Others kept changing "
                            + "this session while your change was being saved: reload it and apply your change again.");
                }
            }
        }
    }

    /** The body a PUT of {@code patch} (the request's JSON text) over {@code current} would send. */
    public CreateSession apply(Session current, String patch) throws JsonProcessingException {
        JsonNode changes = patch == null || patch.isBlank() ? null : mapper.readTree(patch);
        if (changes == null || !changes.isObject()) {
            throw ProblemException.badRequest("malformed-body", "The request body cannot be read", "A merge patch "
                    + "is a JSON object naming the fields to change (null removes an optional one); check it "
                    + "against the API documentation (/q/openapi).");
        }
        ObjectNode base = mapper.valueToTree(CreateSession.of(current));
        ObjectNode own = ((ObjectNode) changes).deepCopy();
        if (own.has("creditTypes") && own.get("creditTypes").isNull()) {
            throw invalid(List.of(Map.of("field", "creditTypes", "message", "cannot be removed: send the credit "
                    + "types the session is to have")));
        }
        if (!own.has("creditTypes")) {
            foldIntoFirstType(base, own);
        }
        CreateSession merged = mapper.treeToValue(merge(base, own), CreateSession.class);
        Set<ConstraintViolation<CreateSession>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw invalid(violations.stream().map(v -> Map.of("field", v.getPropertyPath().toString(),
                    "message", v.getMessage())).sorted(Comparator.comparing(m -> m.get("field"))).toList());
        }
        return merged;
    }

    /** RFC 7396: members of an object patch replace the target's, null removes one, anything else replaces all. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue()));
            }
        });
        return result;
    }

    /**
     * Moves the patch's top-level ruleset fields onto the first credit type: another ruleset without a version takes
     * its current version; a maximum (null: derive it) replaces the given-or-derived one.
     */
    private static void foldIntoFirstType(ObjectNode base, ObjectNode patch) {
        if (!(base.path("creditTypes").path(0) instanceof ObjectNode first)) {
            return;
        }
        JsonNode ruleset = patch.get("rulesetId");
        if (ruleset != null && !ruleset.isNull()
                && !ruleset.asText().trim().equalsIgnoreCase(first.path("rulesetId").asText())) {
            first.set("rulesetId", ruleset);
            first.remove("rulesetVersion");
        }
        if (patch.has("rulesetVersion")) {
            first.set("rulesetVersion", patch.get("rulesetVersion"));
        }
        if (patch.has("maxCredits")) {
            first.set("maxCredits", patch.get("maxCredits"));
            first.remove("maxCreditsDerived");
        }
        if (patch.has("maxCreditsDerived")) {
            first.set("maxCreditsDerived", patch.get("maxCreditsDerived"));
        }
        FIRST_TYPE.forEach(patch::remove);
    }

    private static ProblemException invalid(List<Map<String, String>> errors) {
        return ProblemException.badRequest("validation-failed", "The request is not valid",
                "Fix these fields and send again: " + errors.stream().map(e -> e.get("field") + ": "
                        + e.get("message")).collect(Collectors.joining("; "))).with("errors", errors);
    }
}
