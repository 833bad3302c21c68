package io.teamscpe.credential.messaging;

import io.teamscpe.contracts.credential.CredentialDeleted;
import io.teamscpe.contracts.credential.CredentialExpiring;
import io.teamscpe.contracts.credential.CredentialRegistered;
import io.teamscpe.contracts.credential.CredentialValidated;
import io.teamscpe.credential.Provider;
import io.teamscpe.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Publishes the credential events (into the outbox, in the caller's transaction) from a provider's state. */
@ApplicationScoped
public class CredentialEvents {
    private final Outbox outbox;

    public CredentialEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(Provider p) {
        outbox.publish(new CredentialRegistered(p.id.toString(), p.firmId, p.type, p.name, p.tenantId, p.clientId,
                p.createdAt));
    }

    /** The provider's current status and status code, as of {@code at}. */
    public void validated(Provider p, Instant at) {
        outbox.publish(new CredentialValidated(p.id.toString(), p.firmId, p.status.name(), p.statusCode, at));
    }

    public void expiring(Provider p, int daysLeft, Instant at) {
        outbox.publish(new CredentialExpiring(p.id.toString(), p.firmId, p.secretExpiresOn, daysLeft, at));
    }

    public void deleted(Provider p) {
        outbox.publish(new CredentialDeleted(p.id.toString(), p.firmId, p.deletedAt));
    }
}
