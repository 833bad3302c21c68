package io.teamscpe.credential.identity;

import io.teamscpe.credential.ProviderStatus;
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
}
