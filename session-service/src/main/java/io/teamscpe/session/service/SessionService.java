package io.teamscpe.session.service;

import static io.teamscpe.session.SessionDraft.EARLIEST;
import static io.teamscpe.session.SessionDraft.LATEST;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.web.IfMatch;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.session.MeetingDirectory;
import io.teamscpe.session.MeetingDirectory.MeetingLink;
import io.teamscpe.session.ResolvedMeeting;
import io.teamscpe.session.Session;
import io.teamscpe.session.SessionCreditType;
import io.teamscpe.session.SessionDraft;
import io.teamscpe.session.SessionFilter;
import io.teamscpe.session.SessionPage;
import io.teamscpe.session.config.SessionConfig;
import io.teamscpe.session.messaging.SessionEvents;
import io.teamscpe.session.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creating, editing, reading and cancelling sessions. Graph is called outside any transaction; every accepted change
 * stores the resolved meeting and publishes SessionScheduled with the next revision.
 */
@ApplicationScoped
public class SessionService {
    private final MeetingDirectory meetings;
    private final SessionEvents events;
    private final RulesetPinning rulesets;
    private final CreditTypePlanner creditTypes;
    private final SessionStore store;
    private final SessionConfig config;

    public SessionService(MeetingDirectory meetings, SessionEvents events, RulesetPinning rulesets,
                          CreditTypePlanner creditTypes, SessionStore store, SessionConfig config) {
        this.meetings = meetings;
        this.events = events;
        this.rulesets = rulesets;
        this.creditTypes = creditTypes;
        this.store = store;
        this.config = config;
    }

    public record Created(Session session, List<String> warnings) {
    }

    public Created create(String firmId, SessionDraft request) {
        request.check();
        MeetingLink joinUrl = meetings.link(request.joinUrl());
        List<CreditType> types = QuarkusTransaction.requiringNew().call(() -> {
            refuseDuplicate(firmId, joinUrl, null);
            return creditTypes.plan(firmId, request, List.of());
        });
        ResolvedMeeting meeting = meetings.resolve(firmId, request.providerId(), request.organizer(), joinUrl);
        Session s = QuarkusTransaction.requiringNew().call(() -> {
            refuseDuplicate(firmId, joinUrl, null);
            Session created = new Session();
            created.id = UUID.randomUUID();
            created.firmId = firmId;
            created.status = Session.Status.SCHEDULED;
            created.createdAt = Instant.now();
            apply(created, request, joinUrl, meeting, types);
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
        List<CreditType> types = QuarkusTransaction.requiringNew().call(() -> {
            if (relink) {
                refuseDuplicate(firmId, joinUrl, id);
            }
            return creditTypes.plan(firmId, request, before.creditTypeList());
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
            apply(current, request, joinUrl, meeting, types);
            if (!current.details().equals(detailsBefore) || !Objects.equals(descriptionBefore, current.description)) {
                current.revision++;
                current.updatedAt = Instant.now();
                events.scheduled(current, current.updatedAt);
            }
            return current;
        });
        return new Created(s, withNotices(warnings(s), meeting));
    }

    private static void apply(Session s, SessionDraft request, MeetingLink joinUrl, ResolvedMeeting meeting,
                              List<CreditType> types) {
        s.title = request.title().trim();
        s.description = request.description();
        s.scheduledStart = request.scheduledStart();
        s.scheduledEnd = request.scheduledEnd();
        s.timeZone = request.timeZone();
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
        applyCreditTypes(s, types);
    }

    /**
     * The credit types, and the first one's ruleset, version and maximum on the session row. 2 and 2.00 are the same
     * credit: a maximum equal to the one stored keeps the stored value, so it makes no new revision. The list is
     * replaced only when a type changed (its rows are then deleted and written again).
     */
    private static void applyCreditTypes(Session s, List<CreditType> planned) {
        List<CreditType> current = s.creditTypeList();
        List<CreditType> types = planned.stream().map(p -> current.stream()
                .filter(c -> c.code().equals(p.code()) && sameCredits(c.maxCredits(), p.maxCredits())).findFirst()
                .map(c -> new CreditType(p.code(), p.rulesetId(), p.rulesetVersion(), c.maxCredits(),
                        p.maxCreditsDerived())).orElse(p)).toList();
        if (!types.equals(current)) {
            s.creditTypes = new ArrayList<>(types.stream().map(SessionCreditType::of).toList());
        }
        CreditType first = types.get(0);
        s.rulesetId = first.rulesetId();
        s.rulesetVersion = first.rulesetVersion();
        if (!sameCredits(s.maxCredits, first.maxCredits())) {
            s.maxCredits = first.maxCredits();
        }
    }

    private static boolean sameCredits(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The names of the rulesets the sessions' credit types record, for showing them. */
    public Map<UUID, String> rulesetNames(String firmId, Collection<Session> sessions) {
        return rulesets.names(firmId, sessions.stream().flatMap(s -> s.creditTypes.stream())
                .map(t -> t.rulesetId).filter(Objects::nonNull).collect(Collectors.toSet()));
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
}
