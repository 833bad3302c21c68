package io.teamscpe.polling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A session as this service learned it from cpe.sessions.v1 (the highest revision wins). */
@Entity
@Table(name = "poll_session")
public class PollSession extends PanacheEntityBase {
    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "firm_id")
    public String firmId;
    public String title;
    @Column(name = "scheduled_start")
    public Instant scheduledStart;
    @Column(name = "scheduled_end")
    public Instant scheduledEnd;
    @Column(name = "time_zone")
    public String timeZone;
    public int revision;
    public boolean cancelled;

    public static Optional<PollSession> findInFirm(String firmId, String sessionId) {
        return find("sessionId = ?1 and firmId = ?2", sessionId, firmId).firstResultOptional();
    }
}
