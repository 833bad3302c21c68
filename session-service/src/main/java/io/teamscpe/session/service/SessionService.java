package io.teamscpe.session.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.session.JoinUrl;
import io.teamscpe.session.Session;
import io.teamscpe.session.config.SessionConfig;
import io.teamscpe.session.graph.MeetingResolver;
import io.teamscpe.session.graph.ResolvedMeeting;
import io.teamscpe.session.rest.SessionApi;
import io.teamscpe.session.rest.SessionApi.CreateSession;
import io.teamscpe.session.service.RulesetService.Pinned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Creating, editing, reading and cancelling sessions. Graph is called outside any transaction; every accepted change
 * stores the resolved meeting and publishes SessionScheduled with the next revision.
 */
@ApplicationScoped
public class SessionService {
    /** The years a session may be scheduled in (PostgreSQL's timestamps reach further; nothing needs more). */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final MeetingResolver resolver;
    private final Outbox outbox;
    private final RulesetService rulesets;
    private final SessionConfig config;

    public SessionService(MeetingResolver resolver, Outbox outbox, RulesetService rulesets, SessionConfig config) {
        this.resolver = resolver;
        this.outbox = outbox;
        this.rulesets = rulesets;
        this.config = config;
    }

    public record Created(Session session, List<String> warnings) {
    }

    public Created create(String firmId, CreateSession request) {
        checkValues(request);
        JoinUrl joinUrl = JoinUrl.parse(request.joinUrl());
        Pinned ruleset = QuarkusTransaction.requiringNew().call(() -> {
            refuseDuplicate(firmId, joinUrl, null);
            return rulesets.pin(firmId, request.rulesetId(), request.rulesetVersion());
        });
        ResolvedMeeting meeting = resolver.resolve(firmId, request.providerId(), blankToNull(request.organizerId()),
                joinUrl);
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
            outbox.publish(new SessionScheduled(created.id.toString(), firmId, 1, created.details(),
                    created.createdAt));
            return created;
        });
        return new Created(s, withNotices(warnings(s), meeting));
    }

    /** Replaces the session; re-resolves the meeting when the Join URL, provider or organizer changed. */
    public Created update(String firmId, UUID id, CreateSession request) {
        checkValues(request);
        JoinUrl joinUrl = JoinUrl.parse(request.joinUrl());
        String organizer = blankToNull(request.organizerId());
        Session before = QuarkusTransaction.requiringNew().call(() -> editable(firmId, id));
        boolean relink = !joinUrl.key().equals(before.joinUrlKey) || !request.providerId().equals(before.providerId)
                || (organizer != null && !organizer.equals(before.organizerId));
        Pinned ruleset = QuarkusTransaction.requiringNew().call(() -> {
            if (relink) {
                refuseDuplicate(firmId, joinUrl, id);
            }
            return pinOnUpdate(firmId, before, request);
        });
        ResolvedMeeting meeting = relink ? resolver.resolve(firmId, request.providerId(), organizer, joinUrl)
                : new ResolvedMeeting(before.meetingId, before.organizerId, before.meetingStart, before.meetingEnd,
                null, before.providerType);
        int seen = before.revision;
        Session s = QuarkusTransaction.requiringNew().call(() -> {
            Session current = editable(firmId, id);
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
                outbox.publish(new SessionScheduled(current.id.toString(), firmId, current.revision,
                        current.details(), current.updatedAt));
            }
            return current;
        });
        return new Created(s, withNotices(warnings(s), meeting));
    }

    private Pinned pinOnUpdate(String firmId, Session before, CreateSession request) {
        String requested = blankToNull(request.rulesetId());
        boolean sameRuleset = requested == null || requested.equals(before.rulesetId);
        if (sameRuleset && request.rulesetVersion() == null && before.rulesetId != null) {
            return new Pinned(UUID.fromString(before.rulesetId), before.rulesetVersion);
        }
        return rulesets.pin(firmId, requested == null ? before.rulesetId : requested, request.rulesetVersion());
    }

    private static void apply(Session s, CreateSession request, JoinUrl joinUrl, ResolvedMeeting meeting,
                              Pinned ruleset) {
        s.title = request.title().trim();
        s.description = request.description();
        s.scheduledStart = request.scheduledStart();
        s.scheduledEnd = request.scheduledEnd();
        s.timeZone = request.timeZone();
        if (s.maxCredits == null || request.maxCredits() == null || s.maxCredits.compareTo(request.maxCredits()) != 0) {
            s.maxCredits = request.maxCredits(); // 2 and 2.00 are the same credit: no new revision for it
        }
        s.fieldsOfStudy = request.fieldsOfStudy() == null ? List.of() : List.copyOf(request.fieldsOfStudy());
        s.deliveryMethod = request.deliveryMethod() == null ? SessionApi.GROUP_INTERNET_BASED
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
        Session s = get(firmId, id);
        if (s.status == Session.Status.CANCELLED) {
            throw new ProblemException(410, "session-cancelled", "Session cancelled", "Session '" + s.title
                    + "' was cancelled and can no longer change or be joined. Create a new session if it runs after "
                    + "all.");
        }
        return s;
    }

    /**
     * One page of the firm's sessions by scheduled start. The offset is computed in long: a page past the end is
     * empty, never an overflow; {@code from}/{@code to} outside the years sessions may have are clamped to them.
     */
    @Transactional
    public SessionApi.SessionPage list(String firmId, Instant from, Instant to, Session.Status status, int page,
                                       int size) {
        var params = new java.util.HashMap<String, Object>();
        params.put("firm", firmId);
        params.put("from", clamp(from == null ? EARLIEST : from));
        params.put("to", to == null || to.isAfter(LATEST) ? LATEST.plusSeconds(1) : clamp(to));
        String where = "firmId = :firm and scheduledStart >= :from and scheduledStart < :to";
        if (status != null) {
            where += " and status = :status";
            params.put("status", status);
        }
        var query = Session.find(where + " order by scheduledStart, id", params);
        long total = query.count();
        long offset = (long) page * size;
        List<Session> items = offset >= total || offset > Integer.MAX_VALUE ? List.of()
                : query.range((int) offset, (int) Math.min(offset + size - 1, Integer.MAX_VALUE)).list();
        return new SessionApi.SessionPage(items.stream().map(s -> SessionApi.SessionView.of(s, List.of())).toList(),
                page, size, total);
    }

    private static Instant clamp(Instant t) {
        return t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t;
    }

    @Transactional
    public Session cancel(String firmId, UUID id, String reason) {
        Session s = get(firmId, id);
        if (s.status != Session.Status.CANCELLED) {
            s.status = Session.Status.CANCELLED;
            s.updatedAt = Instant.now();
            outbox.publish(new SessionCancelled(s.id.toString(), firmId, reason, s.updatedAt));
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

    private void refuseDuplicate(String firmId, JoinUrl joinUrl, UUID self) {
        Session other = Session.find("firmId = ?1 and joinUrlKey = ?2 and status <> ?3", firmId, joinUrl.key(),
                Session.Status.CANCELLED).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new ProblemException(409, "join-url-in-use", "Join URL already used",
                    "Session '" + other.title + "' (" + other.id + ") already uses this Teams meeting. Each session "
                            + "needs its own meeting; cancel the other session first if it was a mistake.")
                    .with("sessionId", other.id.toString());
        }
    }

    private static void checkValues(CreateSession request) {
        if (outOfRange(request.scheduledStart()) || outOfRange(request.scheduledEnd())) {
            throw ProblemException.badRequest("invalid-schedule", "Schedule out of range",
                    "scheduledStart and scheduledEnd must lie between " + EARLIEST + " and " + LATEST
                            + "; check the year.");
        }
        if (request.maxCredits() != null && request.maxCredits().stripTrailingZeros().scale() > 2) {
            throw ProblemException.badRequest("validation-failed", "The request is not valid",
                    "Fix these fields and send again: maxCredits: must have at most 2 decimal places")
                    .with("errors", List.of(Map.of("field", "maxCredits", "message",
                            "must have at most 2 decimal places")));
        }
        if (!request.scheduledEnd().isAfter(request.scheduledStart())) {
            throw ProblemException.badRequest("invalid-schedule", "End before start",
                    "scheduledEnd must be after scheduledStart.");
        }
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("invalid-time-zone", "Unknown time zone",
                    "timeZone '" + request.timeZone() + "' is not an IANA time zone such as America/New_York.");
        }
    }

    private static boolean outOfRange(Instant t) {
        return t.isBefore(EARLIEST) || t.isAfter(LATEST);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
