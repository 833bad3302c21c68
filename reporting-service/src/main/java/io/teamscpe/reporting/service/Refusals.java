package io.teamscpe.reporting.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.reporting.report.CompletionReport;
import io.teamscpe.reporting.report.CompletionReport.Row;
import io.teamscpe.reporting.report.SessionSnapshot.TypedRules;
import java.util.List;
import java.util.stream.Collectors;

/** The problems overrides and processing share: cancelled session, ruleset not arrived, row not found. */
final class Refusals {
    private Refusals() {
    }

    static void refuseCancelled(KnownSession s, String consequence) {
        if (s.cancelled()) {
            throw new ProblemException(409, "session-cancelled", "Session cancelled",
                    "A cancelled session " + consequence + ".");
        }
    }

    /**
     * The 409 while a ruleset version a credit type of the session names has not reached reporting (or it names
     * none), for {@code processing} or an override.
     */
    static ProblemException rulesetUnknown(boolean processing, KnownSession s, List<TypedRules> all,
                                           List<TypedRules> waiting, String consequence) {
        boolean several = all.size() > 1;
        String which = waiting.stream().map(t -> (several ? "credit type " + t.code() + " " : "") + usage(t))
                .collect(Collectors.joining("; "));
        String detail = "Session " + s.sessionId() + (several ? ": " : " ") + which + ", so " + consequence
                + ": try again shortly. Nothing was changed.";
        ProblemException problem = processing
                ? new ProblemException(409, "processing-ruleset-unknown", "Ruleset not known yet", detail)
                : new ProblemException(409, "override-ruleset-unknown", "Ruleset not known yet", detail);
        return problem.with("waitingCreditTypes", waiting.stream().map(TypedRules::code).toList());
    }

    private static String usage(TypedRules t) {
        var c = t.type();
        return c.rulesetId() == null ? "names no ruleset (set one in session-service)"
                : "uses ruleset " + c.rulesetId() + (c.rulesetVersion() == null ? "" : " version "
                + c.rulesetVersion()) + ", which has not reached reporting yet";
    }

    /**
     * The participant's row of the credit type: 404 {@code participant-not-found} when the report has no row of the
     * participant, 422 {@code credit-type-not-sought} when it has rows of other types only.
     */
    static Row find(CompletionReport report, String participantId, String creditType) {
        List<Row> theirs = report.rows().stream().filter(r -> r.participantId().equals(participantId)).toList();
        if (theirs.isEmpty()) {
            throw new ProblemException(404, "participant-not-found", "Participant not found",
                    "No participant " + participantId + " in this session's completion report; use a "
                            + "participantId from GET /api/sessions/{id}/completion.");
        }
        return theirs.stream().filter(r -> r.creditType().equals(creditType)).findFirst()
                .orElseThrow(() -> new ProblemException(422, "credit-type-not-sought", "Credit type not sought",
                        "Professional " + participantId + " does not seek credit type " + creditType + " in this "
                                + "session (they seek " + theirs.stream().map(Row::creditType)
                                .collect(Collectors.joining(", ")) + "), so they have no " + creditType + " credit "
                                + "to show or override. Add the type to their enrollment in session-service if they "
                                + "should earn it. Nothing was changed.")
                        .with("creditTypes", theirs.stream().map(Row::creditType).toList()));
    }
}
