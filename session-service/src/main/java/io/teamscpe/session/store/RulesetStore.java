package io.teamscpe.session.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.platform.jdbc.PagedQuery;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.session.Ruleset;
import io.teamscpe.session.RulesetValidator;
import io.teamscpe.session.RulesetVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Rulesets and their versions as stored: rows, the rules as JSON, the presets claim and the outbox state. */
@ApplicationScoped
public class RulesetStore {
    /** What each sortable field of the ruleset list sorts by. */
    private static final Map<String, String> SORTS = Map.of("name", "lower(name)", "createdAt", "createdAt",
            "updatedAt", "updatedAt");
    private final EntityManager em;
    private final ObjectMapper mapper;

    public RulesetStore(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** Claims the firm's presets: true for exactly one caller, ever ({@code firm_presets} row). */
    public boolean claimPresets(String firmId) {
        return em.createNativeQuery("insert into firm_presets (firm_id, created_at) values (?1, ?2) "
                + "on conflict do nothing").setParameter(1, firmId).setParameter(2, Instant.now()).executeUpdate() == 1;
    }

    /** A new ruleset at version 1 (its version row is added separately). */
    public Ruleset create(String firmId, String name, String description, String presetKey, boolean isDefault) {
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

    public void addVersion(Ruleset r, int version, RulesetRules rules, String user, UUID publishedEventId) {
        RulesetVersion v = new RulesetVersion();
        v.rulesetId = r.id;
        v.version = version;
        v.rules = write(rules);
        v.createdAt = Instant.now();
        v.createdBy = user;
        v.publishedEventId = publishedEventId;
        v.persist();
    }

    /** One page of the firm's rulesets: the default first, then by name, unless another order is asked. */
    public Page<Ruleset> page(String firmId, PageRequest page) {
        return PagedQuery.page(Ruleset.find("firmId = ?1" + page.orderBy(SORTS, "firmDefault desc, lower(name)",
                "id"), firmId), page);
    }

    /** Another ruleset of the firm with this name (case-insensitive), if any. */
    public Optional<Ruleset> named(String firmId, String name) {
        return Ruleset.find("firmId = ?1 and lower(name) = lower(?2)", firmId, name).firstResultOptional();
    }

    /** Sessions (cancelled ones included) with a credit type that records this version: one count per session. */
    public long sessionsUsing(UUID rulesetId, int version) {
        return ((Number) em.createNativeQuery("select count(distinct session_id) from session_credit_type "
                + "where ruleset_id = ?1 and ruleset_version = ?2").setParameter(1, rulesetId).setParameter(2, version)
                .getSingleResult()).longValue();
    }

    /** The names of the firm's rulesets among {@code ids}. */
    public Map<UUID, String> names(String firmId, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        Ruleset.<Ruleset>list("firmId = ?1 and id in ?2", firmId, List.copyOf(ids))
                .forEach(r -> names.put(r.id, r.name));
        return names;
    }

    /**
     * Whether the event was handed to Kafka. The row is written with the version; once gone, outbox retention
     * deleted it long after it was sent.
     */
    public boolean eventSent(UUID eventId) {
        List<?> sent = em.createNativeQuery("select sent_at from outbox_event where id = ?1")
                .setParameter(1, eventId).getResultList();
        return sent.isEmpty() || sent.get(0) != null;
    }

    /** Writes pending changes now (e.g. to clear a unique index before the next change). */
    public void flush() {
        em.flush();
    }

    public String write(RulesetRules rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ruleset cannot be serialized", e);
        }
    }

    public RulesetRules read(String json) {
        try {
            return RulesetValidator.normalize(mapper.readValue(json, RulesetRules.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ruleset cannot be read", e);
        }
    }
}
