package io.teamscpe.reporting.messaging;

import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.reporting.report.AttendanceMapping;
import io.teamscpe.reporting.report.RememberedMappings;
import io.teamscpe.reporting.report.RememberedMappings.Remembered;
import io.teamscpe.reporting.report.SessionSnapshot;
import io.teamscpe.reporting.report.SessionSnapshot.Attendee;
import io.teamscpe.reporting.store.AttendanceMappings;
import io.teamscpe.reporting.store.AttendanceMappings.Action;
import io.teamscpe.reporting.store.AttendanceMappings.Change;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.SessionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies the firm's remembered attendance mappings ({@link RememberedMappings}) to a session whenever its record,
 * roster or attendance snapshot arrives, in the event's transaction. Idempotent: a participant with a mapping row
 * (in force or undone) is never mapped again, so an event received twice counts nothing twice.
 */
@ApplicationScoped
public class MappingMemory {
    private final KnownSessions sessions;
    private final SessionFacts facts;
    private final AttendanceMappings mappings;
    private final ReportInputs inputs;

    public MappingMemory(KnownSessions sessions, SessionFacts facts, AttendanceMappings mappings,
                         ReportInputs inputs) {
        this.sessions = sessions;
        this.facts = facts;
        this.mappings = mappings;
        this.inputs = inputs;
    }

    /** Call after applying the event's change (record, roster or attendance) in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String firmId, String sessionId) {
        Map<String, Remembered> memory = mappings.memory(firmId);
        if (memory.isEmpty()) {
            return;
        }
        // locked before anything is read: the record, roster and attendance may be committing right now
        mappings.lock(sessionId);
        KnownSession s = sessions.find(sessionId).filter(k -> k.firmId().equals(firmId)).orElse(null);
        if (s == null) {
            return; // applied when the session's record arrives
        }
        SessionSnapshot f = facts.load(s);
        List<AttendanceMapping> remembered = RememberedMappings.toApply(f, mappings.decided(sessionId), memory,
                Instant.now());
        if (remembered.isEmpty()) {
            return;
        }
        Map<String, Participant> byKey = f.attendees().stream().map(Attendee::participant)
                .collect(Collectors.toMap(Participant::participantKey, Function.identity(), (a, b) -> a));
        boolean changed = false;
        for (AttendanceMapping m : remembered) {
            if (mappings.saveRemembered(sessionId, s.firmId(), m)) {
                Participant p = byKey.get(m.participantKey());
                mappings.record(new Change(sessionId, s.firmId(), m.participantKey(), p.displayName(), p.email(),
                        m.identityKey(), m.lmsId(), Action.REMEMBERED, m.mappedBy(), m.mappedAt(), null));
                changed = true;
            }
        }
        if (changed) {
            inputs.changed(sessionId);
        }
    }
}
