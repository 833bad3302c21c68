package io.teamscpe.contracts.credential;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

@EventType("io.teamscpe.credential.registered.v1")
public record CredentialRegistered(String credentialId, String firmId, ProviderType type, String name,
                                   String tenantId, String clientId, Instant occurredAt) implements CredentialEvent {
}
