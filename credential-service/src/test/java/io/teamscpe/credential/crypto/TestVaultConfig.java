package io.teamscpe.credential.crypto;

import io.teamscpe.credential.config.CredentialConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link CredentialConfig} with given master keys, to build {@link SecretVault}s outside Quarkus. */
public final class TestVaultConfig {
    private TestVaultConfig() {
    }

    public static CredentialConfig of(String key, String... previous) {
        return new CredentialConfig() {
            @Override
            public String masterKey() {
                return key;
            }

            @Override
            public Optional<List<String>> previousMasterKeys() {
                return Optional.of(List.of(previous));
            }

            @Override
            public String siteBaseUrl() {
                return "https://cpe.test";
            }

            @Override
            public String lmsOutcomeUrl() {
                return "https://lms.test/outcome";
            }

            @Override
            public Duration consentStateTtl() {
                return Duration.ofMinutes(10);
            }

            @Override
            public String expiryCheckCron() {
                return "off";
            }

            @Override
            public int organizerPageSize() {
                return 25;
            }

            @Override
            public int expiryWarningDays() {
                return 30;
            }

            @Override
            public int tokenRefreshMarginSeconds() {
                return 300;
            }
        };
    }
}
