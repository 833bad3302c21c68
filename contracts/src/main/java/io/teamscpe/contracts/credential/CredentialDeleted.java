package io.teamscpe.contracts.credential;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/** A provider credential was deleted: its secret and tokens are wiped; it issues no more tokens. */
@EventType("io.teamscpe.credential.deleted.v1")
public record CredentialDeleted(String credentialId, String firmId, Instant occurredAt) implements CredentialEvent {
}
