package io.teamscpe.session.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.session.PinnedRuleset;
import io.teamscpe.session.Ruleset;
import io.teamscpe.session.RulesetPublication;
import io.teamscpe.session.RulesetVersion;
import io.teamscpe.session.store.RulesetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rulesets a session's credit types record (pinning a version each), their names, and how far a version's
 * publication got.
 */
@ApplicationScoped
public class RulesetPinning {
    private final RulesetStore store;
    private final RulesetSeeding seeding;

    public RulesetPinning(RulesetStore store, RulesetSeeding seeding) {
        this.store = store;
        this.seeding = seeding;
    }

    /**
     * The ruleset a session's credit type records: the named one (default: the firm's default) at the given or current
     * version. Problems name its fields with {@code fieldPrefix} ({@code creditTypes[1].}, or nothing for the
     * top-level rulesetId and rulesetVersion).
     */
    @Transactional
    public PinnedRuleset pin(String firmId, String rulesetId, Integer version, String fieldPrefix) {
        seeding.ensurePresets(firmId);
        Ruleset r;
        if (rulesetId == null || rulesetId.isBlank()) {
            r = Ruleset.defaultOf(firmId).orElseThrow(() -> new ProblemException(422, "no-default-ruleset",
                    "No default ruleset", "Your firm has no default ruleset: choose rulesetId from /api/rulesets."));
        } else {
            r = parse(rulesetId).flatMap(uuid -> Ruleset.findInFirm(firmId, uuid)).orElseThrow(() ->
                    new ProblemException(422, "ruleset-not-found", "Ruleset not found", "Ruleset " + rulesetId
                            + " does not exist in your firm: choose rulesetId from /api/rulesets.")
                            .with("errors", List.of(Map.of("field", fieldPrefix + "rulesetId", "message",
                                    "unknown ruleset"))));
        }
        int v = version == null ? r.currentVersion : version;
        Optional<RulesetVersion> pinned = RulesetVersion.of(r.id, v);
        if (pinned.isEmpty()) {
            throw new ProblemException(422, "ruleset-version-not-found", "Ruleset version not found",
                    "Ruleset '" + r.name + "' has versions 1 to " + r.currentVersion + ", not " + v + ".")
                    .with("errors", List.of(Map.of("field", fieldPrefix + "rulesetVersion", "message",
                            "unknown version")));
        }
        return new PinnedRuleset(r.id, v, store.read(pinned.get().rules));
    }

    /** A version a credit type already records, kept as it is, with its rules (null when the version is gone). */
    @Transactional
    public PinnedRuleset kept(UUID rulesetId, int version) {
        return new PinnedRuleset(rulesetId, version, RulesetVersion.of(rulesetId, version)
                .map(v -> store.read(v.rules)).orElse(null));
    }

    /** The names of the firm's rulesets among {@code ids} (another firm's or unknown ids are left out). */
    @Transactional
    public Map<UUID, String> names(String firmId, Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : store.names(firmId, ids);
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
