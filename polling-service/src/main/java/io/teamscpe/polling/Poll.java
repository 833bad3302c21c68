package io.teamscpe.polling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.teamscpe.platform.web.ETag;
import io.teamscpe.platform.jdbc.PagedQuery;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.polling.reconcile.TimeCheck;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One Teams poll of a session: its question, options and counts; responses live in poll_response. */
@Entity
@Table(name = "poll")
public class Poll extends PanacheEntityBase {
    /** What each sortable field of the poll list sorts by. */
    private static final Map<String, String> SORTS = Map.of("question", "lower(question)",
            "responseCount", "responseCount");
    @Id
    public UUID id;
    @Column(name = "firm_id")
    public String firmId;
    @Column(name = "session_id")
    public String sessionId;
    /** Grows with every change of the responses (replaced file, new matches). */
    public int revision;
    public String question;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> options;
    @Column(name = "multi_select")
    public boolean multiSelect;
    public boolean included;
    @Column(name = "excluded_reason")
    public String excludedReason;
    @Column(name = "response_count")
    public int responseCount;
    @Column(name = "anonymous_count")
    public int anonymousCount;
    @Column(name = "matched_count")
    public int matchedCount;
    @Column(name = "time_zone")
    public String timeZone;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "time_check")
    public TimeCheck timeCheck;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> warnings;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Bumped by JPA with every change of the row (file replaced, included or excluded, matched again). */
    @Version
    public long version;

    public static Optional<Poll> findInSession(String firmId, String sessionId, UUID id) {
        return find("id = ?1 and firmId = ?2 and sessionId = ?3", id, firmId, sessionId).firstResultOptional();
    }

    /** The same lookup, locking the row until the transaction ends (an edit checks its If-Match against it). */
    public static Optional<Poll> lockInSession(String firmId, String sessionId, UUID id) {
        return find("id = ?1 and firmId = ?2 and sessionId = ?3", id, firmId, sessionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The session's polls locked until the transaction ends, always in the same order (no deadlock). */
    public static List<Poll> lockAllInSession(String firmId, String sessionId) {
        return find("firmId = ?1 and sessionId = ?2 order by createdAt, id", firmId, sessionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public static List<Poll> listInSession(String firmId, String sessionId) {
        return list("firmId = ?1 and sessionId = ?2 order by createdAt, id", firmId, sessionId);
    }

    /** The poll's ETag: its row version. */
    public ETag etag() {
        return new ETag("poll", version);
    }

    /** One page of the session's polls, in upload order unless another order is asked. */
    public static Page<Poll> pageInSession(String firmId, String sessionId, PageRequest page) {
        return PagedQuery.page(find("firmId = ?1 and sessionId = ?2" + page.orderBy(SORTS, "createdAt", "id"),
                firmId, sessionId), page);
    }

    public int unmatchedCount() {
        return responseCount - anonymousCount - matchedCount;
    }
}
