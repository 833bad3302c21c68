package io.teamscpe.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One version of a ruleset's rules (the JSON of {@code RulesetRules}) and the event that published it. */
@Entity
@Table(name = "ruleset_version")
@IdClass(RulesetVersion.Key.class)
public class RulesetVersion extends PanacheEntityBase {
    @Id
    @Column(name = "ruleset_id")
    public UUID rulesetId;
    @Id
    public int version;
    public String rules;
    @Column(name = "published_event_id")
    public UUID publishedEventId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public static Optional<RulesetVersion> of(UUID rulesetId, int version) {
        return find("rulesetId = ?1 and version = ?2", rulesetId, version).firstResultOptional();
    }

    public static class Key implements Serializable {
        public UUID rulesetId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.rulesetId, rulesetId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rulesetId, version);
        }
    }
}
