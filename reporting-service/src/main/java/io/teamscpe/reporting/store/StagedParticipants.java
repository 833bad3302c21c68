package io.teamscpe.reporting.store;

import io.teamscpe.contracts.attendance.ParticipantAttended;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * The participant events one transaction applies, inserted into attendance_staging as one JDBC batch: one round
 * trip to the database instead of one per participant (1,000 of them per snapshot of a large session).
 */
public final class StagedParticipants {
    private final EntityManager em;
    private final Json json;
    private final List<ParticipantAttended> pending = new ArrayList<>();

    public StagedParticipants(EntityManager em, Json json) {
        this.em = em;
        this.json = json;
    }

    public void add(ParticipantAttended event) {
        pending.add(event);
    }

    /** Inserts what was added since the last flush; call inside the transaction that applied the events. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into attendance_staging (snapshot_id, participant_key, session_id, participant, intervals)
                    values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                    on conflict (snapshot_id, participant_key) do nothing""")) {
                for (ParticipantAttended e : pending) {
                    insert.setString(1, e.snapshotId());
                    insert.setString(2, e.participant().participantKey());
                    insert.setString(3, e.sessionId());
                    insert.setString(4, json.write(e.participant()));
                    insert.setString(5, json.write(e.intervals()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        pending.clear();
    }
}
