package io.teamscpe.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;
import io.teamscpe.platform.web.ETag;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A firm's credit ruleset; its rules live in {@link RulesetVersion}s, the newest being {@code currentVersion}. */
@Entity
public class Ruleset extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "firm_id")
    public String firmId;
    public String name;
    public String description;
    /** Which built-in preset this ruleset started as, or null for the firm's own. */
    @Column(name = "preset_key")
    public String presetKey;
    @Column(name = "firm_default")
    public boolean firmDefault;
    @Column(name = "current_version")
    public int currentVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public static Optional<Ruleset> findInFirm(String firmId, UUID id) {
        return find("id = ?1 and firmId = ?2", id, firmId).firstResultOptional();
    }

    /** The same lookup, locking the row until the transaction ends (an edit checks its If-Match against it). */
    public static Optional<Ruleset> lockInFirm(String firmId, UUID id) {
        return find("id = ?1 and firmId = ?2", id, firmId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The ruleset's ETag: JPA bumps {@code version} with every change of the row (every edit sets updatedAt). */
    public ETag etag() {
        return new ETag("ruleset", version);
    }

    public static Optional<Ruleset> defaultOf(String firmId) {
        return find("firmId = ?1 and firmDefault = true", firmId).firstResultOptional();
    }
}
