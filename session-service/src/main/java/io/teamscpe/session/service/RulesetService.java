package io.teamscpe.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.contracts.session.RulesetPublished;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.session.Ruleset;
import io.teamscpe.session.RulesetPresets;
import io.teamscpe.session.RulesetValidator;
import io.teamscpe.session.RulesetVersion;
import io.teamscpe.session.Session;
import io.teamscpe.session.rest.RulesetApi.RulesetRequest;
import io.teamscpe.session.rest.RulesetApi.RulesetView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The firm's rulesets. Every saved version is published (RulesetPublished) in the same transaction; a version that a
 * session records is never changed again: editing its rules creates the next version.
 */
@ApplicationScoped
public class RulesetService {
    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Set<String> firmsWithPresets = ConcurrentHashMap.newKeySet();

    public RulesetService(EntityManager em, Outbox outbox, ObjectMapper mapper) {
        this.em = em;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** (ruleset, version) a session records. */
    public record Pinned(UUID rulesetId, int version) {
    }

    /**
     * Creates the presets the first time a firm touches rulesets or sessions. In its own transaction, so a request
     * that fails afterwards does not take the presets with it; the firm_presets row makes it safe under concurrency.
     */
    public void ensurePresets(String firmId) {
        if (firmsWithPresets.contains(firmId)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            int claimed = em.createNativeQuery("insert into firm_presets (firm_id, created_at) values (?1, ?2) "
                    + "on conflict do nothing").setParameter(1, firmId).setParameter(2, Instant.now()).executeUpdate();
            if (claimed == 1) {
                for (RulesetPresets.Preset p : RulesetPresets.ALL) {
                    Ruleset r = newRuleset(firmId, p.name(), p.description(), p.key(), p.firmDefault());
                    saveVersion(r, 1, RulesetValidator.normalize(p.rules()), "preset");
                }
            }
        });
        firmsWithPresets.add(firmId);
    }

    @Transactional
    public List<RulesetView> list(String firmId) {
        ensurePresets(firmId);
        return Ruleset.ofFirm(firmId).stream().map(r -> view(r, r.currentVersion)).toList();
    }

    @Transactional
    public RulesetView get(String firmId, UUID id, Integer version) {
        ensurePresets(firmId);
        Ruleset r = find(firmId, id);
        int shown = version == null ? r.currentVersion : version;
        if (RulesetVersion.of(r.id, shown).isEmpty()) {
            throw ProblemException.notFound("Ruleset version", id + " v" + shown);
        }
        return view(r, shown);
    }

    @Transactional
    public RulesetView create(String firmId, RulesetRequest request, String user) {
        ensurePresets(firmId);
        RulesetRules rules = valid(request.rules());
        refuseNameInUse(firmId, request.name().trim(), null);
        Ruleset r = newRuleset(firmId, request.name().trim(), request.description(), null, false);
        if (Boolean.TRUE.equals(request.makeDefault())) {
            makeDefault(r);
        }
        saveVersion(r, 1, rules, user);
        return view(r, 1);
    }

    @Transactional
    public RulesetView update(String firmId, UUID id, RulesetRequest request, String user) {
        ensurePresets(firmId);
        Ruleset r = find(firmId, id);
        RulesetRules rules = valid(request.rules());
        refuseNameInUse(firmId, request.name().trim(), r.id);
        r.name = request.name().trim();
        r.description = request.description();
        if (Boolean.TRUE.equals(request.makeDefault()) && !r.firmDefault) {
            makeDefault(r);
        }
        r.updatedAt = Instant.now();
        RulesetVersion current = RulesetVersion.of(r.id, r.currentVersion).orElseThrow();
        if (rules.equals(read(current.rules))) {
            current.publishedEventId = publish(r, current.version, rules);
        } else if (sessionsUsing(r.id, r.currentVersion) > 0) {
            r.currentVersion++;
            saveVersion(r, r.currentVersion, rules, user);
        } else {
            current.rules = write(rules);
            current.createdBy = user;
            current.createdAt = r.updatedAt;
            current.publishedEventId = publish(r, current.version, rules);
        }
        return view(r, r.currentVersion);
    }

    /** The ruleset a session records: the named one (default: the firm's default) at the given or current version. */
    @Transactional
    public Pinned pin(String firmId, String rulesetId, Integer version) {
        ensurePresets(firmId);
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
        return new Pinned(r.id, v);
    }

    /** How far a session's ruleset version got: SENT (on Kafka), PENDING (in the outbox), MISSING (no such version). */
    public record Publication(String state, String name) {
    }

    @Transactional
    public Publication publication(String firmId, String rulesetId, Integer version) {
        var ruleset = parse(rulesetId).flatMap(id -> Ruleset.findInFirm(firmId, id));
        Optional<RulesetVersion> v = version == null ? Optional.empty()
                : ruleset.flatMap(r -> RulesetVersion.of(r.id, version));
        if (v.isEmpty()) {
            return new Publication("MISSING", ruleset.map(r -> r.name).orElse(null));
        }
        // the row is written with the version; once gone, outbox retention deleted it long after it was sent
        List<?> sent = em.createNativeQuery("select sent_at from outbox_event where id = ?1")
                .setParameter(1, v.get().publishedEventId).getResultList();
        return new Publication(sent.isEmpty() || sent.get(0) != null ? "SENT" : "PENDING", ruleset.get().name);
    }

    private Ruleset newRuleset(String firmId, String name, String description, String presetKey, boolean isDefault) {
        Ruleset r = new Ruleset();
        r.id = UUID.randomUUID();
        r.firmId = firmId;
        r.name = name;
        r.description = description;
        r.presetKey = presetKey;
        r.firmDefault = isDefault;
        r.currentVersion = 1;
        r.createdAt = Instant.now();
        r.updatedAt = r.createdAt;
        r.persist();
        return r;
    }

    private void saveVersion(Ruleset r, int version, RulesetRules rules, String user) {
        RulesetVersion v = new RulesetVersion();
        v.rulesetId = r.id;
        v.version = version;
        v.rules = write(rules);
        v.createdAt = Instant.now();
        v.createdBy = user;
        v.publishedEventId = publish(r, version, rules);
        v.persist();
    }

    private UUID publish(Ruleset r, int version, RulesetRules rules) {
        return outbox.publish(new RulesetPublished(r.id.toString(), r.firmId, r.name, version, r.firmDefault, rules,
                Instant.now()));
    }

    /** Moves the firm's default to {@code r}; the old default's current version is republished without the flag. */
    private void makeDefault(Ruleset r) {
        Optional<Ruleset> old = Ruleset.defaultOf(r.firmId).filter(o -> !o.id.equals(r.id));
        old.ifPresent(o -> {
            o.firmDefault = false;
            o.updatedAt = Instant.now();
            em.flush(); // one default per firm is a unique index: clear the old one first
            RulesetVersion v = RulesetVersion.of(o.id, o.currentVersion).orElseThrow();
            v.publishedEventId = publish(o, v.version, read(v.rules));
        });
        r.firmDefault = true;
    }

    private RulesetView view(Ruleset r, int version) {
        RulesetVersion v = RulesetVersion.of(r.id, version).orElseThrow();
        return new RulesetView(r.id, r.name, r.description, r.presetKey, r.firmDefault, version, r.currentVersion,
                read(v.rules), sessionsUsing(r.id, version), r.createdAt, r.updatedAt);
    }

    private static long sessionsUsing(UUID rulesetId, int version) {
        return Session.count("rulesetId = ?1 and rulesetVersion = ?2", rulesetId.toString(), version);
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

    private static void refuseNameInUse(String firmId, String name, UUID self) {
        Ruleset other = Ruleset.find("firmId = ?1 and lower(name) = lower(?2)", firmId, name).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new ProblemException(409, "ruleset-name-in-use", "Ruleset name in use", "Your firm already has "
                    + "a ruleset named '" + other.name + "' (" + other.id + "): edit it, or choose another name.")
                    .with("rulesetId", other.id.toString());
        }
    }

    private static Ruleset find(String firmId, UUID id) {
        return Ruleset.findInFirm(firmId, id).orElseThrow(() -> ProblemException.notFound("Ruleset", id.toString()));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private String write(RulesetRules rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ruleset cannot be serialized", e);
        }
    }

    private RulesetRules read(String json) {
        try {
            return RulesetValidator.normalize(mapper.readValue(json, RulesetRules.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ruleset cannot be read", e);
        }
    }
}
