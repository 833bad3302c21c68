package io.teamscpe.attendance.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.attendance.IngestionJob;
import io.teamscpe.attendance.TrackedSession;
import io.teamscpe.attendance.graph.AttendanceReader.Fetched;
import io.teamscpe.attendance.graph.ParticipantCollector.Normalized;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Replaces a session's attendance with a fetched snapshot in one transaction: the raw pages (immutable), the
 * normalized rows, and the events. A snapshot identical to the current one is recognised and not republished.
 */
@ApplicationScoped
public class SnapshotStore {
    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;

    public SnapshotStore(EntityManager em, Outbox outbox, ObjectMapper json) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
    }

    /** Stores the snapshot; returns false when it equals the current one (nothing stored or published). */
    @Transactional
    public boolean replace(TrackedSession session, IngestionJob job, Fetched fetched, String source) {
        List<Normalized> participants = fetched.participants().participants();
        String hash = hash(participants);
        String current = job.snapshotId == null ? null : (String) em.createNativeQuery(
                "select content_hash from attendance_snapshot where id = ?1")
                .setParameter(1, job.snapshotId).getSingleResult();
        if (hash.equals(current)) {
            return false;
        }
        String snapshotId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        em.createNativeQuery("""
                        insert into attendance_snapshot (id, session_id, firm_id, source, fetched_at, content_hash,
                            participant_count, report_ids, raw_pages)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb))""")
                .setParameter(1, snapshotId).setParameter(2, session.sessionId).setParameter(3, session.firmId)
                .setParameter(4, source).setParameter(5, now).setParameter(6, hash)
                .setParameter(7, participants.size())
                .setParameter(8, fetched.reportIds().toArray(String[]::new))
                .setParameter(9, "[" + String.join(",", fetched.rawPages()) + "]")
                .executeUpdate();
        em.createNativeQuery("delete from attendance_participant where session_id = ?1")
                .setParameter(1, session.sessionId).executeUpdate();
        int sequence = 0;
        for (Normalized n : participants) {
            insert(session.sessionId, snapshotId, n);
            outbox.publish(new ParticipantAttended(session.sessionId, session.firmId, snapshotId, ++sequence,
                    participants.size(), n.participant(), n.intervals(), now));
        }
        outbox.publish(new AttendanceSnapshotCompleted(session.sessionId, session.firmId, snapshotId,
                participants.size(), fetched.reportIds(), source, now, now));
        job.snapshotId = snapshotId;
        return true;
    }

    private void insert(String sessionId, String snapshotId, Normalized n) {
        var p = n.participant();
        em.createNativeQuery("""
                        insert into attendance_participant (session_id, participant_key, snapshot_id, object_id, email,
                            display_name, role, guest, anonymous, flags, intervals)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, cast(?11 as jsonb))""")
                .setParameter(1, sessionId).setParameter(2, p.participantKey()).setParameter(3, snapshotId)
                .setParameter(4, p.objectId()).setParameter(5, p.email()).setParameter(6, p.displayName())
                .setParameter(7, p.role()).setParameter(8, p.guest()).setParameter(9, p.anonymous())
                .setParameter(10, p.flags().toArray(String[]::new)).setParameter(11, write(n.intervals()))
                .executeUpdate();
    }

    private String hash(List<Normalized> participants) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Normalized n : participants) {
                digest.update(write(n).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
