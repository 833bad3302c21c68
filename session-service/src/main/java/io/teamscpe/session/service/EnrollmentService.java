package io.teamscpe.session.service;

import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.session.EnrolleeEntry;
import io.teamscpe.session.Enrollment;
import io.teamscpe.session.Roster;
import io.teamscpe.session.RosterPage;
import io.teamscpe.session.Session;
import io.teamscpe.session.messaging.RosterEvents;
import io.teamscpe.session.store.EnrollmentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The roster the LMS syncs. Every change writes only the rows that differ and publishes the whole roster (chunked);
 * a request that changes nothing publishes nothing, so replaying a sync is harmless.
 */
@ApplicationScoped
public class EnrollmentService {
    private final SessionService sessions;
    private final RosterEvents events;
    private final EnrollmentStore store;
    private final EnrolleeCreditTypes codes;

    public EnrollmentService(SessionService sessions, RosterEvents events, EnrollmentStore store,
                             EnrolleeCreditTypes codes) {
        this.sessions = sessions;
        this.events = events;
        this.store = store;
        this.codes = codes;
    }

    /** One page of the session's roster, and how many are enrolled in all. */
    @Transactional
    public RosterPage list(String firmId, UUID sessionId, PageRequest page) {
        Session s = sessions.get(firmId, sessionId);
        Page<Enrollment> found = store.page(s.id, page);
        return new RosterPage(new Roster(s.id, s.rosterRevision, false, found.items()), found.total());
    }

    @Transactional
    public Roster replace(String firmId, UUID sessionId, List<EnrolleeEntry> roster, IfMatch ifMatch) {
        List<Enrollee> wanted = roster.stream().map(EnrolleeEntry::normalized).toList();
        refuseDuplicates(wanted);
        Session s = lock(firmId, sessionId, ifMatch);
        return write(s, codes.spelledAsSession(s, wanted, true));
    }

    @Transactional
    public Roster add(String firmId, UUID sessionId, EnrolleeEntry request, IfMatch ifMatch) {
        Session s = lock(firmId, sessionId, ifMatch);
        Enrollee added = codes.spelledAsSession(s, List.of(request.normalized()), false).get(0);
        List<Enrollee> wanted = new ArrayList<>(current(s).stream().filter(e -> !e.lmsId().equals(added.lmsId()))
                .toList());
        wanted.stream().filter(e -> e.email().equals(added.email())).findFirst().ifPresent(other -> {
            throw new ProblemException(409, "email-already-enrolled", "Email already enrolled", "Professional "
                    + other.lmsId() + " is enrolled with " + added.email() + ": each enrollment needs its own email. "
                    + "Remove or correct the other enrollment first.").with("lmsId", other.lmsId());
        });
        wanted.add(added);
        return write(s, wanted);
    }

    @Transactional
    public Roster remove(String firmId, UUID sessionId, String lmsId, IfMatch ifMatch) {
        Session s = lock(firmId, sessionId, ifMatch);
        List<Enrollee> roster = current(s);
        List<Enrollee> wanted = roster.stream().filter(e -> !e.lmsId().equals(lmsId)).toList();
        if (wanted.size() == roster.size()) {
            throw ProblemException.notFound("Enrollment", lmsId);
        }
        return write(s, wanted);
    }

    private Roster write(Session s, List<Enrollee> wanted) {
        Map<String, Enrollment> existing = Enrollment.ofSession(s.id).stream()
                .collect(Collectors.toMap(e -> e.lmsId, Function.identity()));
        Map<String, Enrollee> target = new HashMap<>();
        wanted.forEach(e -> target.put(e.lmsId(), e));
        List<Enrollment> gone = existing.values().stream()
                .filter(e -> !e.toEnrollee().equals(target.get(e.lmsId))).toList();
        List<Enrollee> fresh = wanted.stream()
                .filter(e -> existing.get(e.lmsId()) == null || !existing.get(e.lmsId()).toEnrollee().equals(e))
                .toList();
        if (gone.isEmpty() && fresh.isEmpty()) {
            return view(s, false);
        }
        Instant now = Instant.now();
        gone.forEach(Enrollment::delete);
        store.flush(); // deletes before inserts: an email may move from one enrollment to another
        for (Enrollee e : fresh) {
            Enrollment row = new Enrollment();
            row.id = UUID.randomUUID();
            row.sessionId = s.id;
            row.firmId = s.firmId;
            row.lmsId = e.lmsId();
            row.email = e.email();
            row.alternateEmails = e.alternateEmails();
            row.displayName = e.displayName();
            row.creditTypes = e.creditTypes();
            Enrollment before = existing.get(e.lmsId());
            row.enrolledAt = before != null ? before.enrolledAt : now;
            row.persist();
        }
        s.rosterRevision++;
        store.flush();
        events.publishSnapshot(s, current(s));
        return view(s, true);
    }

    /** One roster change at a time per session (the session row is locked), at the version If-Match names. */
    private Session lock(String firmId, UUID sessionId, IfMatch ifMatch) {
        Session s = sessions.lockedEditable(firmId, sessionId);
        ifMatch.require(s.rosterETag(), "roster of session '" + s.title + "'");
        return s;
    }

    private static List<Enrollee> current(Session s) {
        return Enrollment.ofSession(s.id).stream().map(Enrollment::toEnrollee).toList();
    }

    private static Roster view(Session s, boolean changed) {
        return new Roster(s.id, s.rosterRevision, changed, Enrollment.ofSession(s.id));
    }

    private static void refuseDuplicates(List<Enrollee> roster) {
        List<Map<String, String>> errors = new ArrayList<>();
        Map<String, Integer> lmsIds = new HashMap<>();
        Map<String, Integer> emails = new HashMap<>();
        for (int i = 0; i < roster.size(); i++) {
            Enrollee e = roster.get(i);
            Integer firstLms = lmsIds.putIfAbsent(e.lmsId(), i);
            if (firstLms != null) {
                errors.add(Map.of("field", "enrollees[" + i + "].lmsId", "message", "repeats enrollees[" + firstLms
                        + "]"));
            }
            Integer firstEmail = emails.putIfAbsent(e.email(), i);
            if (firstEmail != null && firstLms == null) {
                errors.add(Map.of("field", "enrollees[" + i + "].email", "message", "repeats enrollees["
                        + firstEmail + "]"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("duplicate-enrollees", "Roster has duplicates", "Each professional "
                    + "appears once, with their own lmsId and email; nothing was changed. Fix: " + errors.stream()
                    .map(m -> m.get("field") + " " + m.get("message")).collect(Collectors.joining("; ")))
                    .with("errors", errors);
        }
    }
}
