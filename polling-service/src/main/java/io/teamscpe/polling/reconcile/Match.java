package io.teamscpe.polling.reconcile;

import java.util.Objects;

/** Who a respondent was matched to and how; both ids null when unmatched. */
public record Match(String participantKey, String professionalId, MatchMethod method) {
    public static final Match NONE = new Match(null, null, null);

    public boolean matched() {
        return participantKey != null || professionalId != null;
    }

    public boolean sameAs(String participant, String professional, MatchMethod how) {
        return Objects.equals(participantKey, participant) && Objects.equals(professionalId, professional)
                && Objects.equals(method, how);
    }
}
