package io.teamscpe.contracts.credential;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/** The outcome of a validation: {@code status} VALID, NEEDS_CONSENT, INVALID or EXPIRING, with a reason code when not valid. */
@EventType("io.teamscpe.credential.validated.v1")
public record CredentialValidated(String credentialId, String firmId, String status, String reasonCode,
                                  Instant occurredAt) implements CredentialEvent {
}
