package io.teamscpe.attendance.messaging;

import io.teamscpe.attendance.normalize.ParticipantBuilder.Normalized;
import io.teamscpe.contracts.attendance.AttendanceSnapshotCompleted;
import io.teamscpe.contracts.attendance.ParticipantAttended;
import io.teamscpe.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Publishes a snapshot through the outbox: one event per participant, closed by a snapshot-completed event. */
@ApplicationScoped
public class SnapshotEvents {
    private final Outbox outbox;

    public SnapshotEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One event per participant of a chunk, numbered from {@code sequenceBefore + 1} of {@code count}. */
    public void participants(String sessionId, String firmId, String snapshotId, int sequenceBefore, int count,
                             List<Normalized> chunk, Instant at) {
        List<ParticipantAttended> events = new ArrayList<>(chunk.size());
        int sequence = sequenceBefore;
        for (Normalized n : chunk) {
            events.add(new ParticipantAttended(sessionId, firmId, snapshotId, ++sequence, count, n.participant(),
                    n.intervals(), at));
        }
        outbox.publishAll(events);
    }

    /** Closes a snapshot's participant events. */
    public void completed(String sessionId, String firmId, String snapshotId, int count, List<String> reportIds,
                          String source, Instant fetchedAt, Instant at) {
        outbox.publish(new AttendanceSnapshotCompleted(sessionId, firmId, snapshotId, count, reportIds, source,
                fetchedAt, at));
    }
}
