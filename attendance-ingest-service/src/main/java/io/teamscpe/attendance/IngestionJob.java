package io.teamscpe.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Where getting a session's attendance out of Teams stands. */
@Entity
@Table(name = "ingestion_job")
public class IngestionJob extends PanacheEntityBase {
    public enum State { SCHEDULED, WAITING_FOR_REPORT, FETCHING, READY, NO_ATTENDEES, REPORT_MISSING, FAILED }

    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Enumerated(EnumType.STRING)
    public State state;
    public String detail;
    public int pages;
    public int records;
    @Column(name = "reports_used")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> reportsUsed = List.of();
    @Column(name = "snapshot_id")
    public String snapshotId;
    @Column(name = "last_fetch_at")
    public Instant lastFetchAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When the next automatic fetch is due; null when none is planned. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    public int attempts;

    /** A fetch holds the session while it makes progress: no page for {@code lease} means its replica died. */
    public boolean leased(Instant now, java.time.Duration lease) {
        return state == State.FETCHING && updatedAt.isAfter(now.minus(lease));
    }

    /** Records a running fetch's progress with one statement (it runs once per Graph page). */
    public static void progress(String sessionId, int pages, int records) {
        update("pages = ?1, records = ?2, updatedAt = ?3 where sessionId = ?4", pages, records, Instant.now(),
                sessionId);
    }
}
