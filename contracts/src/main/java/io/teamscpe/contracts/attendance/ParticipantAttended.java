package io.teamscpe.contracts.attendance;

import io.teamscpe.contracts.EventType;
import java.time.Instant;
import java.util.List;

/** One participant of one attendance snapshot, with every interval Teams reported. */
@EventType("io.teamscpe.attendance.participant.v1")
public record ParticipantAttended(String sessionId, String firmId, String snapshotId, int sequence, int count,
                                  Participant participant, List<Interval> intervals, Instant occurredAt)
        implements AttendanceEvent {
}
