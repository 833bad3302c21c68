package io.teamscpe.session.service;

import static io.teamscpe.session.SessionDraft.EARLIEST;
import static io.teamscpe.session.SessionDraft.LATEST;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.session.MeetingDirectory;
import io.teamscpe.session.MeetingDirectory.MeetingLink;
import io.teamscpe.session.PinnedRuleset;
import io.teamscpe.session.ResolvedMeeting;
import io.teamscpe.session.Session;
import io.teamscpe.session.SessionDraft;
import io.teamscpe.session.SessionFilter;
import io.teamscpe.session.SessionPage;
import io.teamscpe.session.config.SessionConfig;
import io.teamscpe.session.messaging.SessionEvents;
import io.teamscpe.session.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Creating, editing, reading and cancelling sessions. Graph is called outside any transaction; every accepted change
 * stores the resolved meeting and publishes SessionScheduled with the next revision.
 */
@ApplicationScoped
public class SessionService {
    private final MeetingDirectory meetings;
    private final SessionEvents events;
    private final RulesetPinning rulesets;
    private final SessionStore store;
    private final SessionConfig config;

    public SessionService(MeetingDirectory meetings, SessionEvents events, RulesetPinning rulesets,
                          SessionStore store, SessionConfig config) {
        this.meetings = meetings;
        this.events = events;
        this.rulesets = rulesets;
        this.store = store;
        this.config = config;
    }

    public record Created(Session session, List<String> warnings) {
    }

    public Created create(String firmId, SessionDraft request) {
        request.check();
        MeetingLink joinUrl = meetings.link(request.joinUrl());
        PinnedRuleset ruleset = QuarkusTransaction.requiringNew().call(() -> {
            refuseDuplicate(firmId, joinUrl, null);
            return rulesets.pin(firmId, request.rulesetId(), request.rulesetVersion());
        });
        ResolvedMeeting meeting = meetings.resolve(firmId, request.providerId(), request.organizer(), joinUrl);
        Session s = QuarkusTransaction.requiringNew().call(() -> {
            refuseDuplicate(firmId, joinUrl, null);
            Session created = new Session();
            created.id = UUID.randomUUID();
            created.firmId = firmId;
            created.status = Session.Status.SCHEDULED;
            created.createdAt = Instant.now();
            apply(created, request, joinUrl, meeting, ruleset);
            created.revision = 1;
            created.updatedAt = created.createdAt;
            created.persist();
            events.scheduled(created, created.createdAt);
            return created;
        });
        return new Created(s, withNotices(warnings(s), meeting));
    }

    /**
     * Replaces the session; re-resolves the meeting when the Join URL, provider or organizer changed. With
     * {@code ifMatch} present, only while the session is at that version: checked before Graph is asked and again
     * under the row lock of the write.
     */
    public Created update(String firmId, UUID id, SessionDraft request, IfMatch ifMatch) {
        request.check();
        MeetingLink joinUrl = meetings.link(request.joinUrl());
        String organizer = request.organizer();
        Session before = QuarkusTransaction.requiringNew().call(() -> editable(firmId, id));
        ifMatch.require(before.etag(), "session");
        boolean relink = !joinUrl.key().equals(before.joinUrlKey) || !request.providerId().equals(before.providerId)
                || (organizer != null && !organizer.equals(before.organizerId));
        PinnedRuleset ruleset = QuarkusTransaction.requiringNew().call(() -> {
            if (relink) {
                refuseDuplicate(firmId, joinUrl, id);
            }
            return pinOnUpdate(firmId, before, request);
        });
        ResolvedMeeting meeting = relink ? meetings.resolve(firmId, request.providerId(), organizer, joinUrl)
                : new ResolvedMeeting(before.meetingId, before.organizerId, before.meetingStart, before.meetingEnd,
                null, before.providerType);
        int seen = before.revision;
        Session s = QuarkusTransaction.requiringNew().call(() -> {
            Session current = lockedEditable(firmId, id);
            ifMatch.require(current.etag(), "session");
            if (current.revision != seen) {
                throw new ProblemException(409, "concurrent-update", "Changed meanwhile", "Someone else changed "
                        + "this session while it was being saved: reload it and apply your change again.");
            }
            if (relink) {
                refuseDuplicate(firmId, joinUrl, id);
            }
            var detailsBefore = current.details();
            String descriptionBefore = current.description;
            apply(current, request, joinUrl, meeting, ruleset);
            if (!current.details().equals(detailsBefore) || !Objects.equals(descriptionBefore, current.description)) {
                current.revision++;
                current.updatedAt = Instant.now();
                events.scheduled(current, current.updatedAt);
            }
            return current;
        });
        return new Created(s, withNotices(warnings(s), meeting));
    }

    private PinnedRuleset pinOnUpdate(String firmId, Session before, SessionDraft request) {
        String requested = blankToNull(request.rulesetId());
        boolean sameRuleset = requested == null || requested.equals(before.rulesetId);
        if (sameRuleset && request.rulesetVersion() == null && before.rulesetId != null) {
            return new PinnedRuleset(UUID.fromString(before.rulesetId), before.rulesetVersion);
        }
        return rulesets.pin(firmId, requested == null ? before.rulesetId : requested, request.rulesetVersion());
    }

    private static void apply(Session s, SessionDraft request, MeetingLink joinUrl, ResolvedMeeting meeting,
                              PinnedRuleset ruleset) {
        s.title = request.title().trim();
        s.description = request.description();
        s.scheduledStart = request.scheduledStart();
        s.scheduledEnd = request.scheduledEnd();
        s.timeZone = request.timeZone();
        if (s.maxCredits == null || request.maxCredits() == null || s.maxCredits.compareTo(request.maxCredits()) != 0) {
            s.maxCredits = request.maxCredits(); // 2 and 2.00 are the same credit: no new revision for it
        }
        s.fieldsOfStudy = request.fieldsOfStudy() == null ? List.of() : List.copyOf(request.fieldsOfStudy());
        s.deliveryMethod = request.deliveryMethod() == null ? SessionDraft.GROUP_INTERNET_BASED
                : request.deliveryMethod();
        s.providerId = request.providerId();
        s.organizerId = meeting.organizerId();
        s.providerType = meeting.providerType();
        s.joinUrl = joinUrl.url();
        s.joinUrlKey = joinUrl.key();
        s.meetingId = meeting.meetingId();
        s.meetingStart = meeting.start();
        s.meetingEnd = meeting.end();
        s.rulesetId = ruleset.rulesetId().toString();
        s.rulesetVersion = ruleset.version();
    }

    @Transactional
    public Session get(String firmId, UUID id) {
        return Session.findInFirm(firmId, id).orElseThrow(() -> ProblemException.notFound("Session", id.toString()));
    }

    /** The session, refused with 410 when it was cancelled. */
    @Transactional
    public Session editable(String firmId, UUID id) {
        return refuseCancelled(get(firmId, id));
    }

    private static Session refuseCancelled(Session s) {
        if (s.status == Session.Status.CANCELLED) {
            throw new ProblemException(410, "session-cancelled", "Session cancelled", "Session '" + s.title
                    + "' was cancelled and can no longer change or be joined. Create a new session if it runs after "
                    + "all.");
        }
        return s;
    }

    /** The session locked until the transaction ends (one change at a time), refused with 410 when cancelled. */
    @Transactional
    public Session lockedEditable(String firmId, UUID id) {
        return refuseCancelled(Session.lockInFirm(firmId, id)
                .orElseThrow(() -> ProblemException.notFound("Session", id.toString())));
    }

    /**
     * One page of the firm's sessions the filter lets through; {@code from}/{@code to} outside the years sessions
     * may have are clamped to them, and a blank organizer or text filters nothing.
     */
    @Transactional
    public SessionPage list(String firmId, SessionFilter filter, PageRequest page) {
        Instant from = filter.from(), to = filter.to();
        return store.page(firmId, new SessionFilter(clamp(from == null ? EARLIEST : from),
                to == null || to.isAfter(LATEST) ? LATEST.plusSeconds(1) : clamp(to), filter.status(),
                blankAsNull(filter.organizer()), blankAsNull(filter.text())), page);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Instant clamp(Instant t) {
        return t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t;
    }

    @Transactional
    public Session cancel(String firmId, UUID id, String reason, IfMatch ifMatch) {
        Session s = Session.lockInFirm(firmId, id)
                .orElseThrow(() -> ProblemException.notFound("Session", id.toString()));
        ifMatch.require(s.etag(), "session");
        if (s.status != Session.Status.CANCELLED) {
            s.status = Session.Status.CANCELLED;
            s.updatedAt = Instant.now();
            events.cancelled(s, reason);
        }
        return s;
    }

    private static List<String> withNotices(List<String> warnings, ResolvedMeeting meeting) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(meeting.notices());
        return all;
    }

    public List<String> warnings(Session s) {
        List<String> warnings = new ArrayList<>();
        if (timesDiffer(s, s.meetingStart, s.meetingEnd)) {
            warnings.add("Teams schedules the meeting " + s.meetingStart + " – " + s.meetingEnd
                    + ", the session says " + s.scheduledStart + " – " + s.scheduledEnd
                    + ": credit is counted in the session's window; correct whichever is wrong.");
        }
        return warnings;
    }

    /** Whether Teams' times differ from the session's by more than the tolerance. */
    public boolean timesDiffer(Session s, Instant meetingStart, Instant meetingEnd) {
        Duration tolerance = config.timeTolerance();
        return Duration.between(s.scheduledStart, meetingStart).abs().compareTo(tolerance) > 0
                || Duration.between(s.scheduledEnd, meetingEnd).abs().compareTo(tolerance) > 0;
    }

    private void refuseDuplicate(String firmId, MeetingLink joinUrl, UUID self) {
        Session other = store.activeWithMeeting(firmId, joinUrl.key()).orElse(null);
        if (other != null && !other.id.equals(self)) {
            throw new ProblemException(409, "join-url-in-use", "Join URL already used",
                    "Session '" + other.title + "' (" + other.id + ") already uses this Teams meeting. Each session "
                            + "needs its own meeting; cancel the other session first if it was a mistake.")
                    .with("sessionId", other.id.toString());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
