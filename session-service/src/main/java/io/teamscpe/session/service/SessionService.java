package io.teamscpe.session.service;

import io.teamscpe.contracts.session.SessionCancelled;
import io.teamscpe.contracts.session.SessionScheduled;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.session.JoinUrl;
import io.teamscpe.session.Session;
import io.teamscpe.session.graph.MeetingResolver;
import io.teamscpe.session.graph.ResolvedMeeting;
import io.teamscpe.session.rest.SessionApi;
import io.teamscpe.session.rest.SessionApi.CreateSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creating, reading and cancelling sessions. Graph is called outside any transaction. */
@ApplicationScoped
public class SessionService {
    private static final Duration TIME_TOLERANCE = Duration.ofMinutes(5);

    private final MeetingResolver resolver;
    private final Outbox outbox;

    public SessionService(MeetingResolver resolver, Outbox outbox) {
        this.resolver = resolver;
        this.outbox = outbox;
    }

    public record Created(Session session, List<String> warnings) {
    }

    public Created create(String firmId, CreateSession request) {
        if (!request.scheduledEnd().isAfter(request.scheduledStart())) {
            throw ProblemException.badRequest("invalid-schedule", "End before start",
                    "scheduledEnd must be after scheduledStart.");
        }
        zone(request.timeZone());
        JoinUrl joinUrl = JoinUrl.parse(request.joinUrl());
        QuarkusTransaction.requiringNew().run(() -> refuseDuplicate(firmId, joinUrl));
        ResolvedMeeting meeting = resolver.resolve(firmId, request.providerId(), blankToNull(request.organizerId()),
                joinUrl);
        Session s = QuarkusTransaction.requiringNew().call(() -> persist(firmId, request, joinUrl, meeting));
        return new Created(s, warnings(s));
    }

    private Session persist(String firmId, CreateSession request, JoinUrl joinUrl, ResolvedMeeting meeting) {
        refuseDuplicate(firmId, joinUrl);
        Session s = new Session();
        s.id = UUID.randomUUID();
        s.firmId = firmId;
        s.title = request.title().trim();
        s.description = request.description();
        s.scheduledStart = request.scheduledStart();
        s.scheduledEnd = request.scheduledEnd();
        s.timeZone = request.timeZone();
        s.maxCredits = request.maxCredits();
        s.fieldsOfStudy = request.fieldsOfStudy() == null ? List.of() : List.copyOf(request.fieldsOfStudy());
        s.deliveryMethod = request.deliveryMethod() == null ? SessionApi.GROUP_INTERNET_BASED
                : request.deliveryMethod();
        s.providerId = request.providerId();
        s.organizerId = meeting.organizerId();
        s.joinUrl = joinUrl.url();
        s.joinUrlKey = joinUrl.key();
        s.meetingId = meeting.meetingId();
        s.meetingStart = meeting.start();
        s.meetingEnd = meeting.end();
        s.status = Session.Status.SCHEDULED;
        s.revision = 1;
        s.createdAt = Instant.now();
        s.updatedAt = s.createdAt;
        s.persist();
        outbox.publish(new SessionScheduled(s.id.toString(), firmId, s.revision, s.details(), s.createdAt));
        return s;
    }

    @Transactional
    public Session get(String firmId, UUID id) {
        return Session.findInFirm(firmId, id).orElseThrow(() -> ProblemException.notFound("Session", id.toString()));
    }

    @Transactional
    public SessionApi.SessionPage list(String firmId, Instant from, Instant to, Session.Status status, int page,
                                       int size) {
        var params = new java.util.HashMap<String, Object>();
        params.put("firm", firmId);
        params.put("from", from == null ? Instant.EPOCH : from);
        params.put("to", to == null ? Instant.parse("9999-01-01T00:00:00Z") : to);
        String where = "firmId = :firm and scheduledStart >= :from and scheduledStart < :to";
        if (status != null) {
            where += " and status = :status";
            params.put("status", status);
        }
        var query = Session.find(where + " order by scheduledStart", params);
        List<Session> items = query.page(Page.of(page, size)).list();
        return new SessionApi.SessionPage(items.stream().map(s -> SessionApi.SessionView.of(s, List.of())).toList(),
                page, size, query.count());
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

    public List<String> warnings(Session s) {
        List<String> warnings = new ArrayList<>();
        if (Duration.between(s.scheduledStart, s.meetingStart).abs().compareTo(TIME_TOLERANCE) > 0
                || Duration.between(s.scheduledEnd, s.meetingEnd).abs().compareTo(TIME_TOLERANCE) > 0) {
            warnings.add("Teams schedules the meeting " + s.meetingStart + " – " + s.meetingEnd
                    + ", the session says " + s.scheduledStart + " – " + s.scheduledEnd
                    + ": credit is counted in the session's window; correct whichever is wrong.");
        }
        return warnings;
    }

    private void refuseDuplicate(String firmId, JoinUrl joinUrl) {
        Session other = Session.find("firmId = ?1 and joinUrlKey = ?2 and status <> ?3", firmId, joinUrl.key(),
                Session.Status.CANCELLED).firstResult();
        if (other != null) {
            throw new ProblemException(409, "join-url-in-use", "Join URL already used",
                    "Session '" + other.title + "' (" + other.id + ") already uses this Teams meeting. Each session "
                            + "needs its own meeting; cancel the other session first if it was a mistake.")
                    .with("sessionId", other.id.toString());
        }
    }

    private static void zone(String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("invalid-time-zone", "Unknown time zone",
                    "timeZone '" + timeZone + "' is not an IANA time zone such as America/New_York.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
