package io.teamscpe.contracts.attendance;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.Topic;
import io.teamscpe.contracts.Topics;

/**
 * Attendance snapshots of a session: one {@link ParticipantAttended} per participant (sequence 1..count), closed
 * by {@link AttendanceSnapshotCompleted}. A newer snapshot replaces an older one whole. Key: session id.
 */
@Topic(Topics.ATTENDANCE)
public sealed interface AttendanceEvent extends CpeEvent permits ParticipantAttended, AttendanceSnapshotCompleted {
    String sessionId();

    String snapshotId();

    @Override
    default String key() {
        return sessionId();
    }
}
