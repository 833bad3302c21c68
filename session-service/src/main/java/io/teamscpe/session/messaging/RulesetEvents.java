package io.teamscpe.session.messaging;

import io.teamscpe.contracts.session.RulesetPublished;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.session.Ruleset;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Publishes a ruleset version (RulesetPublished) into the outbox, in the caller's transaction. */
@ApplicationScoped
public class RulesetEvents {
    private final Outbox outbox;

    public RulesetEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The ruleset's current name and default flag with the version's rules; returns the event id. */
    public UUID published(Ruleset r, int version, RulesetRules rules) {
        return outbox.publish(new RulesetPublished(r.id.toString(), r.firmId, r.name, version, r.firmDefault, rules,
                Instant.now()));
    }
}
