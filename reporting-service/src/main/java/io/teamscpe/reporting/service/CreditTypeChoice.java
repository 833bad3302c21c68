package io.teamscpe.reporting.service;

import io.teamscpe.platform.problem.ProblemException;
import java.util.List;

/** Which of a session's credit types a request means: the {@code creditType} query parameter, checked. */
final class CreditTypeChoice {
    private CreditTypeChoice() {
    }

    /**
     * The credit type {@code requested} names; without one, the session's only type (400 {@code credit-type-required}
     * when it has several).
     */
    static String choose(List<String> codes, String requested) {
        if (requested != null) {
            return require(codes, requested);
        }
        if (codes.size() == 1) {
            return codes.get(0);
        }
        throw new ProblemException(400, "credit-type-required", "Credit type required",
                "This session awards " + codes.size() + " credit types (" + String.join(", ", codes) + "): say which "
                        + "one with the creditType query parameter, e.g. ?creditType=" + codes.get(0)
                        + ". Nothing was changed.").with("creditTypes", codes);
    }

    /** {@code code}, if the session has that credit type; else 400 {@code unknown-credit-type}. */
    static String require(List<String> codes, String code) {
        if (codes.contains(code)) {
            return code;
        }
        throw new ProblemException(400, "unknown-credit-type", "Unknown credit type",
                "This session has no credit type " + code + "; its credit types are " + String.join(", ", codes)
                        + " (GET /api/sessions/{id}/completion lists them under creditTypes). Nothing was changed.")
                .with("creditTypes", codes);
    }
}
