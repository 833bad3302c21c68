package io.teamscpe.credential;

import io.teamscpe.contracts.credential.ProviderType;
import java.time.LocalDate;

/** A credential to register, as the admin entered it; the secret is plaintext here and never printed. */
public record ProviderRegistration(ProviderType type, String name, String tenantId, String clientId,
                                   String clientSecret, LocalDate secretExpiresOn) {
    @Override
    public String toString() {
        return "ProviderRegistration[type=" + type + ", name=" + name + ", tenantId=" + tenantId + ", clientId="
                + clientId + ", clientSecret=<redacted>, secretExpiresOn=" + secretExpiresOn + "]";
    }
}
