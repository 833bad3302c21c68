package io.teamscpe.session.service;

import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.session.Ruleset;
import io.teamscpe.session.RulesetAtVersion;
import io.teamscpe.session.RulesetDraft;
import io.teamscpe.session.RulesetValidator;
import io.teamscpe.session.RulesetVersion;
import io.teamscpe.session.messaging.RulesetEvents;
import io.teamscpe.session.store.RulesetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The firm's rulesets: listing, reading, creating and editing. Every saved version is published (RulesetPublished)
 * in the same transaction; a version that a session records is never changed again: editing its rules creates the
 * next version.
 */
@ApplicationScoped
public class RulesetService {
    private final RulesetStore store;
    private final RulesetEvents events;
    private final RulesetSeeding seeding;

    public RulesetService(RulesetStore store, RulesetEvents events, RulesetSeeding seeding) {
        this.store = store;
        this.events = events;
        this.seeding = seeding;
    }

    @Transactional
    public Page<RulesetAtVersion> list(String firmId, PageRequest page) {
        seeding.ensurePresets(firmId);
        return store.page(firmId, page).map(r -> view(r, r.currentVersion));
    }

    @Transactional
    public RulesetAtVersion get(String firmId, UUID id, Integer version) {
        seeding.ensurePresets(firmId);
        Ruleset r = find(firmId, id);
        int shown = version == null ? r.currentVersion : version;
        if (RulesetVersion.of(r.id, shown).isEmpty()) {
            throw ProblemException.notFound("Ruleset version", id + " v" + shown);
        }
        return view(r, shown);
    }

    @Transactional
    public RulesetAtVersion create(String firmId, RulesetDraft draft, String user) {
        seeding.ensurePresets(firmId);
        RulesetRules rules = valid(draft.rules());
        refuseNameInUse(firmId, draft.name().trim(), null);
        Ruleset r = store.create(firmId, draft.name().trim(), draft.description(), null, false);
        if (Boolean.TRUE.equals(draft.makeDefault())) {
            makeDefault(r);
        }
        saveVersion(r, 1, rules, user);
        return view(r, 1);
    }

    /** Edits the ruleset if it is still at the version {@code ifMatch} names (412 otherwise). */
    @Transactional
    public RulesetAtVersion update(String firmId, UUID id, RulesetDraft draft, String user, IfMatch ifMatch) {
        seeding.ensurePresets(firmId);
        Ruleset r = Ruleset.lockInFirm(firmId, id)
                .orElseThrow(() -> ProblemException.notFound("Ruleset", id.toString()));
        ifMatch.require(r.etag(), "ruleset");
        RulesetRules rules = valid(draft.rules());
        refuseNameInUse(firmId, draft.name().trim(), r.id);
        r.name = draft.name().trim();
        r.description = draft.description();
        if (Boolean.TRUE.equals(draft.makeDefault()) && !r.firmDefault) {
            makeDefault(r);
        }
        r.updatedAt = Instant.now();
        RulesetVersion current = RulesetVersion.of(r.id, r.currentVersion).orElseThrow();
        if (rules.equals(store.read(current.rules))) {
            current.publishedEventId = events.published(r, current.version, rules);
        } else if (store.sessionsUsing(r.id, r.currentVersion) > 0) {
            r.currentVersion++;
            saveVersion(r, r.currentVersion, rules, user);
        } else {
            current.rules = store.write(rules);
            current.createdBy = user;
            current.createdAt = r.updatedAt;
            current.publishedEventId = events.published(r, current.version, rules);
        }
        return view(r, r.currentVersion);
    }

    private void saveVersion(Ruleset r, int version, RulesetRules rules, String user) {
        store.addVersion(r, version, rules, user, events.published(r, version, rules));
    }

    /** Moves the firm's default to {@code r}; the old default's current version is republished without the flag. */
    private void makeDefault(Ruleset r) {
        Optional<Ruleset> old = Ruleset.defaultOf(r.firmId).filter(o -> !o.id.equals(r.id));
        old.ifPresent(o -> {
            o.firmDefault = false;
            o.updatedAt = Instant.now();
            store.flush(); // one default per firm is a unique index: clear the old one first
            RulesetVersion v = RulesetVersion.of(o.id, o.currentVersion).orElseThrow();
            v.publishedEventId = events.published(o, v.version, store.read(v.rules));
        });
        r.firmDefault = true;
    }

    private RulesetAtVersion view(Ruleset r, int version) {
        RulesetVersion v = RulesetVersion.of(r.id, version).orElseThrow();
        return new RulesetAtVersion(r, version, store.read(v.rules), store.sessionsUsing(r.id, version));
    }

    private static RulesetRules valid(RulesetRules raw) {
        RulesetRules rules = RulesetValidator.normalize(raw);
        List<Map<String, String>> errors = RulesetValidator.check(rules);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-ruleset", "The ruleset is not valid", "Fix these fields "
                    + "and send again: " + String.join("; ", errors.stream()
                    .map(e -> e.get("field") + " " + e.get("message")).toList()) + ".").with("errors", errors);
        }
        return rules;
    }

    private void refuseNameInUse(String firmId, String name, UUID self) {
        Ruleset other = store.named(firmId, name).orElse(null);
        if (other != null && !other.id.equals(self)) {
            throw new ProblemException(409, "ruleset-name-in-use", "Ruleset name in use", "Your firm already has "
                    + "a ruleset named '" + other.name + "' (" + other.id + "): edit it, or choose another name.")
                    .with("rulesetId", other.id.toString());
        }
    }

    private static Ruleset find(String firmId, UUID id) {
        return Ruleset.findInFirm(firmId, id).orElseThrow(() -> ProblemException.notFound("Ruleset", id.toString()));
    }
}
