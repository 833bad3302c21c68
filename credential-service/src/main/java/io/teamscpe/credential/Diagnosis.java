package io.teamscpe.credential;

import io.teamscpe.platform.problem.ProblemException;
import java.util.List;

/**
 * What a check found, in the admin's terms: a status, a stable code, what is wrong, and the steps that fix it.
 */
public record Diagnosis(ProviderStatus status, String code, String message, List<String> fix) {
    public static Diagnosis valid(String message) {
        return new Diagnosis(ProviderStatus.VALID, null, message, List.of());
    }

    public boolean ok() {
        return status == ProviderStatus.VALID || status == ProviderStatus.EXPIRING;
    }

    /** The problem a caller gets when the provider cannot obtain a token for this reason. */
    public ProblemException unusable() {
        return new ProblemException(424, "provider-unusable", "The provider cannot get a token",
                message + " " + String.join(" ", fix)).with("reason", code);
    }
}
