package io.teamscpe.session.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.session.PinnedRuleset;
import io.teamscpe.session.Ruleset;
import io.teamscpe.session.RulesetPublication;
import io.teamscpe.session.RulesetVersion;
import io.teamscpe.session.store.RulesetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The ruleset a session records (pinning a version), and how far that version's publication got. */
@ApplicationScoped
public class RulesetPinning {
    private final RulesetStore store;
    private final RulesetSeeding seeding;

    public RulesetPinning(RulesetStore store, RulesetSeeding seeding) {
        this.store = store;
        this.seeding = seeding;
    }

    /** The ruleset a session records: the named one (default: the firm's default) at the given or current version. */
    @Transactional
    public PinnedRuleset pin(String firmId, String rulesetId, Integer version) {
        seeding.ensurePresets(firmId);
        Ruleset r;
        if (rulesetId == null || rulesetId.isBlank()) {
            r = Ruleset.defaultOf(firmId).orElseThrow(() -> new ProblemException(422, "no-default-ruleset",
                    "No default ruleset", "Your firm has no default ruleset: choose rulesetId from /api/rulesets."));
        } else {
            r = parse(rulesetId).flatMap(uuid -> Ruleset.findInFirm(firmId, uuid)).orElseThrow(() ->
                    new ProblemException(422, "ruleset-not-found", "Ruleset not found", "Ruleset " + rulesetId
                            + " does not exist in your firm: choose rulesetId from /api/rulesets.")
                            .with("errors", List.of(Map.of("field", "rulesetId", "message", "unknown ruleset"))));
        }
        int v = version == null ? r.currentVersion : version;
        if (RulesetVersion.of(r.id, v).isEmpty()) {
            throw new ProblemException(422, "ruleset-version-not-found", "Ruleset version not found",
                    "Ruleset '" + r.name + "' has versions 1 to " + r.currentVersion + ", not " + v + ".")
                    .with("errors", List.of(Map.of("field", "rulesetVersion", "message", "unknown version")));
        }
        return new PinnedRuleset(r.id, v);
    }

    @Transactional
    public RulesetPublication publication(String firmId, String rulesetId, Integer version) {
        var ruleset = parse(rulesetId).flatMap(id -> Ruleset.findInFirm(firmId, id));
        Optional<RulesetVersion> v = version == null ? Optional.empty()
                : ruleset.flatMap(r -> RulesetVersion.of(r.id, version));
        if (v.isEmpty()) {
            return new RulesetPublication(RulesetPublication.State.MISSING, ruleset.map(r -> r.name).orElse(null));
        }
        return new RulesetPublication(store.eventSent(v.get().publishedEventId) ? RulesetPublication.State.SENT
                : RulesetPublication.State.PENDING, ruleset.get().name);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
