package io.teamscpe.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.teamscpe.contracts.session.SessionDetails;
import io.teamscpe.platform.web.ETag;
import io.teamscpe.contracts.session.CreditType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A CPE session and the Teams meeting its Join URL resolved to. */
@Entity
public class Session extends PanacheEntityBase {
    public enum Status { SCHEDULED, CANCELLED }

    @Id
    public UUID id;
    @Column(name = "firm_id")
    public String firmId;
    public String title;
    public String description;
    @Column(name = "scheduled_start")
    public Instant scheduledStart;
    @Column(name = "scheduled_end")
    public Instant scheduledEnd;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "max_credits")
    public BigDecimal maxCredits;
    @Column(name = "fields_of_study")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> fieldsOfStudy;
    @Column(name = "delivery_method")
    public String deliveryMethod;
    @Column(name = "provider_id")
    public String providerId;
    /** APPLICATION or DELEGATED, as the broker reported when the meeting was resolved (null: before V2). */
    @Column(name = "provider_type")
    public String providerType;
    @Column(name = "organizer_id")
    public String organizerId;
    @Column(name = "join_url")
    public String joinUrl;
    @Column(name = "join_url_key")
    public String joinUrlKey;
    @Column(name = "meeting_id")
    public String meetingId;
    @Column(name = "meeting_start")
    public Instant meetingStart;
    @Column(name = "meeting_end")
    public Instant meetingEnd;
    /** The first credit type's ruleset, version and maximum (maxCredits above), kept in step with it. */
    @Column(name = "ruleset_id")
    public String rulesetId;
    @Column(name = "ruleset_version")
    public Integer rulesetVersion;
    /**
     * The credit types in the administrator's order (one or more). Replaced as a whole list when they change, so the
     * rows are deleted and inserted again (never renumbered in place).
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "session_credit_type", joinColumns = @JoinColumn(name = "session_id"))
    @OrderColumn(name = "position")
    public List<SessionCreditType> creditTypes = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public Status status;
    public int revision;
    /** Grows with every roster change; 0 while nobody was ever enrolled. */
    @Column(name = "roster_revision")
    public int rosterRevision;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public static Optional<Session> findInFirm(String firmId, UUID id) {
        return find("id = ?1 and firmId = ?2", id, firmId).firstResultOptional();
    }

    /** The same lookup, locking the row until the transaction ends (one change at a time, If-Match checked). */
    public static Optional<Session> lockInFirm(String firmId, UUID id) {
        return find("id = ?1 and firmId = ?2", id, firmId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The session's ETag: JPA bumps {@code version} with every change of the row, its roster revision included. */
    public ETag etag() {
        return new ETag("session", version);
    }

    /** The ETag of the session's roster (its enrollments as one resource): the roster revision. */
    public ETag rosterETag() {
        return Roster.etag(rosterRevision);
    }

    /** What the session's events carry: the legacy ruleset fields describe the first credit type. */
    public SessionDetails details() {
        return new SessionDetails(title, providerId, organizerId, meetingId, joinUrl, scheduledStart, scheduledEnd,
                timeZone, maxCredits, List.copyOf(fieldsOfStudy), deliveryMethod, rulesetId, rulesetVersion,
                creditTypeList());
    }

    /** The credit types as the contract's records, in order. */
    public List<CreditType> creditTypeList() {
        return creditTypes.stream().map(SessionCreditType::toCreditType).toList();
    }

    /** Whether the first credit type's maximum was derived. */
    public boolean maxCreditsDerived() {
        return !creditTypes.isEmpty() && creditTypes.get(0).maxCreditsDerived;
    }
}
