package io.teamscpe.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A session as this service learned it from cpe.sessions.v1 (the highest revision wins). */
@Entity
@Table(name = "tracked_session")
public class TrackedSession extends PanacheEntityBase {
    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "firm_id")
    public String firmId;
    @Column(name = "provider_id")
    public String providerId;
    @Column(name = "organizer_id")
    public String organizerId;
    @Column(name = "meeting_id")
    public String meetingId;
    @Column(name = "scheduled_start")
    public Instant scheduledStart;
    @Column(name = "scheduled_end")
    public Instant scheduledEnd;
    @Column(name = "time_zone")
    public String timeZone;
    public int revision;
    public boolean cancelled;

    public static Optional<TrackedSession> findInFirm(String firmId, String sessionId) {
        return find("sessionId = ?1 and firmId = ?2", sessionId, firmId).firstResultOptional();
    }
}
