package io.teamscpe.session.microsoft;

import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.models.OnlineMeetingCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.teamscpe.contracts.credential.ProviderType;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.graph.GraphClients;
import io.teamscpe.platform.graph.GraphFailures;
import io.teamscpe.platform.graph.GraphRetry;
import io.teamscpe.platform.graph.TokenBrokerClient;
import io.teamscpe.platform.graph.TokenRequest;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.session.MeetingDirectory;
import io.teamscpe.session.ResolvedMeeting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Microsoft Teams as the meeting directory: resolves a Join URL to its Graph online meeting with a brokered token,
 * refusing what Teams CPE cannot credit: Meet Now (no schedule), live events, webinars and town halls, channel
 * meetings, and meetings of another organizer.
 */
@ApplicationScoped
public class TeamsMeetingDirectory implements MeetingDirectory {
    private final TokenBrokerClient broker;
    private final GraphClients graph;
    private final GraphRetry retry;
    private final VirtualEvents virtualEvents;

    public TeamsMeetingDirectory(@RestClient TokenBrokerClient broker, GraphClients graph, GraphRetry retry,
                           VirtualEvents virtualEvents) {
        this.broker = broker;
        this.graph = graph;
        this.retry = retry;
        this.virtualEvents = virtualEvents;
    }

    @Override
    public MeetingLink link(String joinUrl) {
        JoinUrl parsed = JoinUrl.parse(joinUrl);
        return new MeetingLink(parsed.url(), parsed.key());
    }

    @Override
    public ResolvedMeeting resolve(BrokeredToken token, String providerId, MeetingLink link) {
        JoinUrl joinUrl = JoinUrl.parse(link.url());
        GraphServiceClient client = graph.withToken(token.accessToken());
        String filter = "JoinWebUrl eq '" + joinUrl.url().replace("'", "''") + "'";
        OnlineMeetingCollectionResponse found;
        try {
            found = retry.call(providerId, null, () -> token.graphUserPath().equals("me")
                    ? client.me().onlineMeetings().get(rc -> rc.queryParameters.filter = filter)
                    : client.users().byUserId(token.organizerId()).onlineMeetings()
                    .get(rc -> rc.queryParameters.filter = filter));
        } catch (ApiException e) {
            throw GraphFailures.refused(e, token.organizerId());
        }
        List<OnlineMeeting> meetings = found == null || found.getValue() == null ? List.of() : found.getValue();
        if (meetings.isEmpty()) {
            throw new ProblemException(422, "meeting-not-found", "Meeting not found",
                    "Microsoft Graph found no meeting with this Join URL for organizer " + token.organizerId()
                            + ". Likely causes: the meeting belongs to another organizer (pick the organizer who "
                            + "scheduled it), the link is from another tenant than the provider's, or the link was "
                            + "copied incompletely.");
        }
        ResolvedMeeting meeting = check(meetings.get(0), token.organizerId(), joinUrl, token.providerType());
        try {
            return virtualEvents.refuseVirtualEvent(client, token, providerId, meeting.meetingId(), joinUrl.url())
                    .map(notice -> new ResolvedMeeting(meeting.meetingId(), meeting.organizerId(), meeting.start(),
                            meeting.end(), meeting.subject(), meeting.providerType(), List.of(notice)))
                    .orElse(meeting);
        } catch (ApiException e) {
            throw GraphFailures.refused(e, token.organizerId());
        }
    }

    private ResolvedMeeting check(OnlineMeeting m, String organizerId, JoinUrl joinUrl, String providerType) {
        if (Boolean.TRUE.equals(m.getIsBroadcast())) {
            throw new ProblemException(422, "live-event-not-supported", "Live events are not supported",
                    "This link is a Teams live event. Teams CPE credits regular Teams meetings: schedule the "
                            + "course as a Teams meeting and use its Join URL.");
        }
        String thread = m.getChatInfo() != null ? m.getChatInfo().getThreadId() : joinUrl.threadId();
        if (thread != null && thread.contains("@thread.tacv2")) {
            throw new ProblemException(422, "channel-meeting-not-supported", "Channel meetings are not supported",
                    "This is a Teams channel meeting, for which Microsoft provides no attendance reports. Schedule "
                            + "the course as a regular (non-channel) Teams meeting.");
        }
        if (m.getStartDateTime() == null || m.getEndDateTime() == null) {
            throw new ProblemException(422, "meet-now-not-supported", "Meet Now meetings are not supported",
                    "This is a 'Meet Now' meeting without a scheduled start and end, so attendance cannot be "
                            + "measured against a schedule. Schedule the meeting in Teams or Outlook and use its "
                            + "Join URL.");
        }
        String organizer = m.getParticipants() != null && m.getParticipants().getOrganizer() != null
                && m.getParticipants().getOrganizer().getIdentity() != null
                && m.getParticipants().getOrganizer().getIdentity().getUser() != null
                ? m.getParticipants().getOrganizer().getIdentity().getUser().getId() : organizerId;
        if (organizer != null && !organizer.equals(organizerId)) {
            throw new ProblemException(422, "organizer-mismatch", "Meeting has another organizer",
                    "The meeting is organized by " + organizer + ", not by " + organizerId + ". Only the organizer "
                            + "can read attendance: link the session to the organizer's credential (a co-presenter's "
                            + "credential cannot own the session).");
        }
        return new ResolvedMeeting(m.getId(), organizerId, m.getStartDateTime().toInstant(),
                m.getEndDateTime().toInstant(), m.getSubject(), providerType);
    }

    /**
     * A token for the provider acting for the organizer. Application providers need the Meeting Organizer; delegated
     * ones act for the organizer who signed in, so naming one is refused.
     */
    @Override
    public BrokeredToken access(String firmId, String providerId, String organizerId) {
        BrokeredToken token;
        try {
            token = broker.issue(new TokenRequest(firmId, providerId, organizerId));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400) {
                throw new ProblemException(422, "organizer-required", "Meeting organizer required",
                        "Provider " + providerId + " is an application credential: choose the session's Meeting "
                                + "Organizer (organizerId) from /api/providers/" + providerId + "/organizers.");
            }
            String detail = status == 404
                    ? "Provider " + providerId + " does not exist in your firm: pick one from /api/providers."
                    : "The provider cannot get a Microsoft token (HTTP " + status + "): validate it under "
                    + "/api/providers/" + providerId + "/validate, which says what to fix.";
            throw new ProblemException(status == 404 ? 422 : 424, "provider-unusable", "Provider unusable", detail);
        }
        if (ProviderType.DELEGATED.name().equals(token.providerType()) && organizerId != null) {
            throw new ProblemException(422, "organizer-not-allowed", "No Meeting Organizer for delegated providers",
                    "Provider " + providerId + " is a delegated credential: it reads the meetings of the organizer "
                            + "who signed in (" + token.organizerId() + "). Leave organizerId empty.")
                    .with("errors", List.of(Map.of("field", "organizerId",
                            "message", "must be empty for a delegated provider")));
        }
        return token;
    }
}
