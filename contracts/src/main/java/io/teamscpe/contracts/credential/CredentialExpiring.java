package io.teamscpe.contracts.credential;

import io.teamscpe.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The client secret of a credential expires soon (at most once a day per credential): renew it before
 * {@code expiresOn}. {@code daysLeft} is 0 on the last day.
 */
@EventType("io.teamscpe.credential.expiring.v1")
public record CredentialExpiring(String credentialId, String firmId, LocalDate expiresOn, int daysLeft,
                                 Instant occurredAt) implements CredentialEvent {
}
