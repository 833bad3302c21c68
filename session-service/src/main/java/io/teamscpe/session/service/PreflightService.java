package io.teamscpe.session.service;

import static io.teamscpe.session.Preflight.Status.FAIL;
import static io.teamscpe.session.Preflight.Status.PASS;
import static io.teamscpe.session.Preflight.Status.WARN;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.teamscpe.contracts.credential.ProviderType;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.session.Enrollment;
import io.teamscpe.session.MeetingDirectory;
import io.teamscpe.session.Preflight;
import io.teamscpe.session.Preflight.Check;
import io.teamscpe.session.ResolvedMeeting;
import io.teamscpe.session.RulesetPublication;
import io.teamscpe.session.Session;
import io.teamscpe.session.SessionCreditType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Pre-flight: everything a session needs to run, checked now, each with what to do. Read-only; Graph is called
 * outside any transaction.
 */
@ApplicationScoped
public class PreflightService {
    private final SessionService sessions;
    private final RulesetPinning rulesets;
    private final MeetingDirectory meetings;
    private final Clock clock;

    public PreflightService(SessionService sessions, RulesetPinning rulesets, MeetingDirectory meetings,
                            Clock clock) {
        this.sessions = sessions;
        this.rulesets = rulesets;
        this.meetings = meetings;
        this.clock = clock;
    }

    public Preflight run(String firmId, UUID id) {
        Session s = sessions.editable(firmId, id);
        List<Check> checks = new ArrayList<>();
        boolean delegated = ProviderType.DELEGATED.name().equals(s.providerType);
        BrokeredToken token = null;
        try {
            token = meetings.access(firmId, s.providerId, delegated ? null : s.organizerId);
            checks.add(new Check("token", PASS, "Provider " + s.providerId + " issued a Microsoft Graph token ("
                    + (delegated ? "delegated, organizer " : "application, acting for organizer ")
                    + token.organizerId() + ").", null));
        } catch (ProblemException e) {
            checks.add(new Check("token", FAIL, e.getMessage(), "Validate the provider under /api/providers/"
                    + s.providerId + "/validate and follow what it says, or link the session to a working provider "
                    + "(PUT /api/sessions/" + id + ")."));
        }
        if (token == null) {
            String notChecked = "Not checked: no Graph token.";
            checks.add(new Check("meeting", WARN, notChecked, "Fix the token check first."));
            checks.add(new Check("access-policy", WARN, notChecked, "Fix the token check first."));
        } else {
            meetingChecks(s, token, delegated, checks);
        }
        checks.add(rulesetCheck(firmId, s));
        checks.add(enrollmentCheck(s));
        return Preflight.of(s.id, checks, clock.instant());
    }

    private void meetingChecks(Session s, BrokeredToken token, boolean delegated, List<Check> checks) {
        Check policyOk = new Check("access-policy", PASS, delegated
                ? "Not needed: a delegated provider reads the signed-in organizer's own meetings."
                : "A Teams application access policy lets the provider read organizer " + s.organizerId
                + "'s meetings.", null);
        ResolvedMeeting m;
        try {
            m = meetings.resolve(token, s.providerId, meetings.link(s.joinUrl));
        } catch (ProblemException e) {
            String slug = slug(e);
            if ("access-policy-missing".equals(slug)) {
                checks.add(new Check("meeting", WARN, "Not checked: Graph refused access to the organizer's "
                        + "meetings.", "Fix the access-policy check first."));
                checks.add(new Check("access-policy", FAIL, "Microsoft Graph answered 403 \"No Application Access "
                        + "Policy found for this app\" for organizer " + s.organizerId + ".", "Ask your Teams "
                        + "administrator to run New-CsApplicationAccessPolicy -Identity TeamsCPE -AppIds <client id> "
                        + "and Grant-CsApplicationAccessPolicy -PolicyName TeamsCPE -Identity " + s.organizerId
                        + " (or -Global); then wait up to 30 minutes and run pre-flight again."));
                return;
            }
            checks.add(new Check("meeting", FAIL, e.getMessage(), "Correct the Join URL or organizer with PUT "
                    + "/api/sessions/" + s.id + ", or reschedule the meeting in Teams and update the session."));
            checks.add("graph-error".equals(slug) ? new Check("access-policy", WARN, "Not determined: "
                    + e.getMessage(), "Run pre-flight again; if it persists, validate the provider.") : policyOk);
            return;
        }
        checks.add(meetingCheck(s, m));
        m.notices().forEach(notice -> checks.add(new Check("meeting-kind", WARN, notice, "Grant the permission "
                + "and consent to it, then run pre-flight again.")));
        checks.add(policyOk);
    }

    private Check meetingCheck(Session s, ResolvedMeeting m) {
        if (!m.meetingId().equals(s.meetingId)) {
            return new Check("meeting", FAIL, "The Join URL now resolves to another Teams meeting (" + m.meetingId()
                    + ") than the one stored (" + s.meetingId + ").", "Save the session again (PUT /api/sessions/"
                    + s.id + ") so it links the current meeting, or restore the original meeting's link.");
        }
        if (sessions.timesDiffer(s, m.start(), m.end())) {
            return new Check("meeting", WARN, "Teams now schedules the meeting " + m.start() + " – " + m.end()
                    + "; the session says " + s.scheduledStart + " – " + s.scheduledEnd + ". Credit is counted in "
                    + "the session's window and launch follows the session's times.", "Correct whichever is "
                    + "wrong: the session's times (PUT /api/sessions/" + s.id + ") or the meeting in Teams.");
        }
        return new Check("meeting", PASS, "The Join URL resolves to meeting " + m.meetingId() + " organized by "
                + m.organizerId() + ", " + m.start() + " – " + m.end() + ".", null);
    }

    /** Every credit type's ruleset version exists and reached the other services (one check for all of them). */
    private Check rulesetCheck(String firmId, Session s) {
        boolean single = s.creditTypes.size() <= 1;
        String fix = single ? "Choose a ruleset for the session: PUT /api/sessions/" + s.id + " with rulesetId from "
                + "/api/rulesets." : "Choose each credit type's ruleset: PATCH /api/sessions/" + s.id + " with "
                + "creditTypes naming rulesets from /api/rulesets.";
        if (s.creditTypes.isEmpty()) {
            return new Check("ruleset", FAIL, "The session has no ruleset.", fix);
        }
        List<String> missing = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (SessionCreditType t : s.creditTypes) {
            String rulesetId = t.rulesetId == null ? null : t.rulesetId.toString();
            String of = single ? "" : " (" + t.code + ")";
            RulesetPublication p = rulesets.publication(firmId, rulesetId, t.rulesetVersion);
            if (p.state() == RulesetPublication.State.MISSING) {
                missing.add(rulesetId == null ? "The session has no ruleset" + of + "."
                        : "Ruleset " + rulesetId + " version " + t.rulesetVersion + of + " does not exist.");
            } else {
                String which = "'" + p.name() + "' version " + t.rulesetVersion + of;
                (p.state() == RulesetPublication.State.SENT ? sent : pending).add(which);
            }
        }
        if (!missing.isEmpty()) {
            return new Check("ruleset", FAIL, String.join(" ", missing), fix);
        }
        if (!pending.isEmpty()) {
            return new Check("ruleset", WARN, (pending.size() == 1 ? "Ruleset " : "Rulesets ")
                    + String.join(", ", pending) + (pending.size() == 1 ? " is" : " are") + " saved but not yet "
                    + "delivered to the other services.", "Usually seconds; if it persists, check the service's "
                    + "Kafka connection (/q/health).");
        }
        return new Check("ruleset", PASS, (sent.size() == 1 ? "Ruleset " : "Rulesets ") + String.join(", ", sent)
                + (sent.size() == 1 ? " is" : " are") + " published to the other services.", null);
    }

    private Check enrollmentCheck(Session s) {
        long enrolled = QuarkusTransaction.requiringNew().call(() -> Enrollment.count("sessionId", s.id));
        return enrolled > 0
                ? new Check("enrollments", PASS, enrolled + " professional(s) enrolled.", null)
                : new Check("enrollments", WARN, "Nobody is enrolled: no professional can launch the session and "
                + "attendance cannot be matched to enrollments.", "Sync the roster from the LMS: PUT /api/sessions/"
                + s.id + "/enrollments.");
    }

    private static String slug(ProblemException e) {
        String type = e.toProblem(null).type();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
