package io.teamscpe.contracts.credential;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.Topic;
import io.teamscpe.contracts.Topics;

/** Facts about provider credentials. Never carries a secret. Key: credential id. */
@Topic(Topics.CREDENTIALS)
public sealed interface CredentialEvent extends CpeEvent permits CredentialRegistered, CredentialValidated,
        CredentialDeleted, CredentialExpiring {
    String credentialId();

    @Override
    default String key() {
        return credentialId();
    }
}
