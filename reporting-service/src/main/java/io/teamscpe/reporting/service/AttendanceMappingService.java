package io.teamscpe.reporting.service;

import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.reporting.report.AttendanceMapping;
import io.teamscpe.reporting.report.MappingMethod;
import io.teamscpe.reporting.report.MappingOverview;
import io.teamscpe.reporting.report.MatchStatus;
import io.teamscpe.reporting.report.Matching;
import io.teamscpe.reporting.report.ParticipantIdentity;
import io.teamscpe.reporting.report.RememberedMappings.Remembered;
import io.teamscpe.reporting.report.SessionSnapshot;
import io.teamscpe.reporting.report.SessionSnapshot.Attendee;
import io.teamscpe.reporting.report.SessionSnapshot.Enrolled;
import io.teamscpe.reporting.store.AttendanceMappings;
import io.teamscpe.reporting.store.AttendanceMappings.Action;
import io.teamscpe.reporting.store.AttendanceMappings.Change;
import io.teamscpe.reporting.store.AttendanceMappings.FirmMemory;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.SessionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * An administrator ties an attendance participant no email ties to an enrolled professional, or undoes it. The
 * mapping counts at once in Completion and Raw Data (the session's report inputs move), is published with the next
 * processing run like any credit, and is remembered for the firm under the participant's identity
 * ({@link ParticipantIdentity}); each change is kept in the append-only trail. Changes of one session are serialized
 * by its row lock (the one processing takes).
 */
@ApplicationScoped
public class AttendanceMappingService {
    private final KnownSessions sessions;
    private final SessionFacts facts;
    private final AttendanceMappings mappings;
    private final ReportInputs inputs;

    public AttendanceMappingService(KnownSessions sessions, SessionFacts facts, AttendanceMappings mappings,
                                    ReportInputs inputs) {
        this.sessions = sessions;
        this.facts = facts;
        this.mappings = mappings;
        this.inputs = inputs;
    }

    /** The mappings in force and the unmatched attendees with suggestions, read from one snapshot. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public MappingOverview overview(String firmId, String sessionId) {
        facts.readOneSnapshot();
        return MappingOverview.of(facts.load(sessions.require(firmId, sessionId, "reporting")));
    }

    /** Maps the participant to the professional; returns the mapping as it now is in the overview. */
    @Transactional
    public MappingOverview.Mapped map(String firmId, String sessionId, String participantKey, String lmsId,
                                      String by) {
        KnownSession s = sessions.require(firmId, sessionId, "reporting");
        mappings.lock(sessionId);
        SessionSnapshot f = facts.load(s);
        Participant participant = f.attendees().stream().map(Attendee::participant)
                .filter(p -> p.participantKey().equals(participantKey)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "attendance-participant-not-found",
                        "Attendance participant not found", "No participant " + participantKey + " in this "
                        + "session's current attendance; use a participantKey listed under unmatched by GET "
                        + "/api/sessions/{id}/attendance-mappings. Nothing was changed."));
        Enrolled professional = f.roster().stream().filter(e -> e.lmsId().equals(lmsId)).findFirst()
                .orElseThrow(() -> new ProblemException(422, "attendance-mapping-not-enrolled",
                        "Professional not enrolled", "No professional " + lmsId + " is enrolled in this session, so "
                        + "the attendance could never earn them credit here. Enroll them in session-service first "
                        + "(the roster reaches reporting on its own), or pick an enrolled professional. Nothing was "
                        + "changed."));
        refuseIfMatched(f, participant);
        for (AttendanceMapping m : f.mappings()) {
            if (m.lmsId().equals(lmsId)) {
                throw new ProblemException(409, "professional-already-mapped", "Professional already mapped",
                        professional.displayName() + " (" + lmsId + ") already has participant " + m.participantKey()
                        + " mapped in this session (" + m.method() + " by " + m.mappedBy() + " at " + m.mappedAt()
                        + "). Undo it first (DELETE /api/sessions/{id}/attendance-mappings/" + m.participantKey()
                        + ") if this participant is the professional instead. Nothing was changed.");
            }
        }
        Instant now = Instant.now();
        String identity = ParticipantIdentity.of(participant);
        AttendanceMapping mapping = new AttendanceMapping(participantKey, identity, lmsId,
                MappingMethod.MAPPED, by, now);
        mappings.save(sessionId, firmId, mapping);
        if (identity != null) {
            mappings.remember(firmId, identity, new Remembered(lmsId, by, now, sessionId));
        }
        mappings.record(new Change(sessionId, firmId, participantKey, participant.displayName(),
                participant.email(), identity, lmsId, Action.MAPPED, by, now,
                identity == null ? null : FirmMemory.REMEMBERED));
        inputs.changed(sessionId);
        return mapped(s, participantKey);
    }

    /**
     * Undoes the participant's mapping in this session: the row is unmatched again. A mapping made here also leaves
     * the firm's memory (unless the identity was mapped again since, elsewhere); one applied from memory is undone
     * for this session only. Sessions the memory was already applied to keep it.
     */
    @Transactional
    public void undo(String firmId, String sessionId, String participantKey, String by) {
        KnownSession s = sessions.require(firmId, sessionId, "reporting");
        mappings.lock(sessionId);
        AttendanceMapping m = mappings.inForce(sessionId, participantKey)
                .orElseThrow(() -> new ProblemException(404, "attendance-mapping-not-found",
                        "Attendance mapping not found", "Participant " + participantKey + " has no mapping in "
                        + "force in this session (never mapped, or already undone); GET "
                        + "/api/sessions/{id}/attendance-mappings lists the mappings. Nothing was changed."));
        Instant now = Instant.now();
        mappings.undo(sessionId, participantKey, by, now);
        boolean forgotten = m.method() == MappingMethod.MAPPED && m.identityKey() != null
                && mappings.forget(firmId, m.identityKey(), m.lmsId(), sessionId);
        Participant p = facts.load(s).attendees().stream().map(Attendee::participant)
                .filter(a -> a.participantKey().equals(participantKey)).findFirst().orElse(null);
        mappings.record(new Change(sessionId, firmId, participantKey, p == null ? null : p.displayName(),
                p == null ? null : p.email(), m.identityKey(), m.lmsId(), Action.UNDONE, by, now,
                forgotten ? FirmMemory.FORGOTTEN : null));
        inputs.changed(sessionId);
    }

    /** 409 when an email already ties the participant to an enrollment, or a mapping in force does. */
    private static void refuseIfMatched(SessionSnapshot f, Participant participant) {
        String key = participant.participantKey();
        List<Matching.Participant> rows = Matching.participants(f);
        if (rows.stream().anyMatch(r -> r.matchStatus() != MatchStatus.ENROLLED && r.id().equals(key))) {
            return;
        }
        Matching.Participant owner = rows.stream().filter(r -> r.matchStatus() == MatchStatus.ENROLLED)
                .filter(r -> r.mappedAttendees().stream().anyMatch(a -> a.participantKey().equals(key)))
                .findFirst().orElse(null);
        throw new ProblemException(409, "participant-already-matched", "Participant already matched",
                "Participant " + key + (owner != null ? " already counts for " + owner.displayName() + " ("
                + owner.id() + ") through a mapping in force; undo it first (DELETE "
                + "/api/sessions/{id}/attendance-mappings/" + key + ")"
                : " already counts for an enrolled professional: their email " + participant.email() + " is "
                + "an enrollment's email or alternate email (change the enrollment in session-service if that is "
                + "wrong)") + ". Nothing was changed.");
    }

    private MappingOverview.Mapped mapped(KnownSession s, String participantKey) {
        List<MappingOverview.Mapped> all = MappingOverview.of(facts.load(s)).mappings();
        return all.stream().filter(m -> m.mapping().participantKey().equals(participantKey)).findFirst()
                .orElseThrow();
    }
}
