package io.teamscpe.credential;

import java.time.LocalDate;

/** Changes to a credential; blank or null fields stay as they are. The secret is never printed. */
public record ProviderChanges(String name, String clientSecret, LocalDate secretExpiresOn) {
    @Override
    public String toString() {
        return "ProviderChanges[name=" + name + ", clientSecret=<redacted>, secretExpiresOn=" + secretExpiresOn + "]";
    }
}
