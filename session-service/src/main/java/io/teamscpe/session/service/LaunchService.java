package io.teamscpe.session.service;

import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.session.LaunchGrant;
import io.teamscpe.session.LaunchWindow;
import io.teamscpe.session.Session;
import io.teamscpe.session.config.SessionConfig;
import io.teamscpe.session.store.EnrollmentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** Hands enrolled professionals the Join URL during the launch window; administrators always see it. */
@ApplicationScoped
public class LaunchService {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm (VV)",
            Locale.ENGLISH);

    private final SessionService sessions;
    private final SessionConfig config;
    private final Clock clock;
    private final EnrollmentStore enrollments;

    public LaunchService(SessionService sessions, SessionConfig config, Clock clock, EnrollmentStore enrollments) {
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
        this.enrollments = enrollments;
    }

    @Transactional
    public LaunchGrant launch(String firmId, UUID sessionId, String email, boolean admin) {
        Session s = sessions.get(firmId, sessionId);
        if (!admin && (email == null || !enrollments.isEnrolled(s.id, email))) {
            // nothing about the session itself to someone not enrolled in it: not its title, not that it was
            // cancelled; that the id exists in their own firm is all the 403 (rather than 404) tells
            throw new ProblemException(403, "not-enrolled", "Not enrolled", "You are not enrolled in this session "
                    + "under " + (email == null ? "your sign-in" : email) + ". Enroll through your learning "
                    + "portal, or ask your CPE administrator to add this email to your enrollment.");
        }
        sessions.editable(firmId, sessionId); // 410 once cancelled, for administrators and enrolled professionals
        LaunchWindow window = LaunchWindow.of(s.scheduledStart, s.scheduledEnd, s.timeZone,
                config.launchOpensBefore());
        if (admin) {
            return new LaunchGrant(s, window);
        }
        Instant now = clock.instant();
        if (window.notYetOpen(now)) {
            throw new ProblemException(409, "launch-not-open", "Launch not open yet", "'" + s.title + "' can be "
                    + "launched from " + WHEN.format(window.opens()) + ", " + config.launchOpensBefore().toMinutes()
                    + " minutes before the start on the day of the event. Come back then.")
                    .with("opensAt", window.opens().toInstant().toString());
        }
        if (window.closed(now)) {
            throw new ProblemException(409, "launch-closed", "Session is over", "'" + s.title + "' ended "
                    + WHEN.format(window.closes()) + "; it can no longer be joined. Your credit appears once the "
                    + "CPE administrator processes the session.").with("closedAt", window.closes().toInstant()
                    .toString());
        }
        return new LaunchGrant(s, window);
    }
}
