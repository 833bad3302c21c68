package io.teamscpe.session.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.contracts.session.RulesetPresets;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.session.Ruleset;
import io.teamscpe.session.RulesetValidator;
import io.teamscpe.session.messaging.RulesetEvents;
import io.teamscpe.session.store.RulesetStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The explicit step that gives a firm its preset rulesets ({@link RulesetPresets}) the first time it touches rulesets
 * or sessions; each preset's version 1 is published like any other.
 */
@ApplicationScoped
public class RulesetSeeding {
    private final RulesetStore store;
    private final RulesetEvents events;
    private final Set<String> firmsWithPresets = ConcurrentHashMap.newKeySet();

    public RulesetSeeding(RulesetStore store, RulesetEvents events) {
        this.store = store;
        this.events = events;
    }

    /**
     * Creates the presets unless the firm has them. In its own transaction, so a request that fails afterwards does
     * not take the presets with it; the firm_presets row makes it safe under concurrency.
     */
    public void ensurePresets(String firmId) {
        if (firmsWithPresets.contains(firmId)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (store.claimPresets(firmId)) {
                for (RulesetPresets.Preset p : RulesetPresets.ALL) {
                    Ruleset r = store.create(firmId, p.name(), p.description(), p.key(), p.firmDefault());
                    RulesetRules rules = RulesetValidator.normalize(p.rules());
                    store.addVersion(r, 1, rules, "preset", events.published(r, 1, rules));
                }
            }
        });
        firmsWithPresets.add(firmId);
    }
}
