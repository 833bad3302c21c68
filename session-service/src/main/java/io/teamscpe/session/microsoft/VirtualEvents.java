package io.teamscpe.session.microsoft;

import com.microsoft.graph.models.VirtualEvent;
import com.microsoft.graph.models.VirtualEventSession;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.graph.GraphRetry;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Teams webinars and town halls are online meetings that Graph v1.0's onlineMeeting does not flag. They are found
 * the way Graph exposes them: the organizer's virtual events ({@code getByUserIdAndRole} for application providers,
 * {@code getByUserRole} for delegated ones) and their sessions' Join URLs. Without the VirtualEvent permission the
 * check cannot be made: that is a notice, not a refusal. (The SDK's generated {@code getByUserIdAndRole} takes
 * the role first.)
 */
@ApplicationScoped
public class VirtualEvents {
    private final GraphRetry retry;

    public VirtualEvents(GraphRetry retry) {
        this.retry = retry;
    }

    /** Refuses a webinar or town hall; returns a notice when the check could not be made. */
    public Optional<String> refuseVirtualEvent(GraphServiceClient client, BrokeredToken token, String providerId,
                                               String meetingId, String joinUrl) {
        try {
            if (contains(webinars(client, token, providerId), client, providerId, true, meetingId, joinUrl)) {
                throw new ProblemException(422, "webinar-not-supported", "Teams webinars are not supported",
                        "This Join URL belongs to a Teams webinar. Teams CPE credits regular Teams meetings (their "
                                + "attendance reports and polls): deliver the course as a Teams meeting and use its "
                                + "Join URL.");
            }
            if (contains(townhalls(client, token, providerId), client, providerId, false, meetingId, joinUrl)) {
                throw new ProblemException(422, "town-hall-not-supported", "Teams town halls are not supported",
                        "This Join URL belongs to a Teams town hall (the successor of live events), which has no "
                                + "per-attendee polls or attendance report Teams CPE can credit. Deliver the course "
                                + "as a Teams meeting and use its Join URL.");
            }
            return Optional.empty();
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 401 || e.getResponseStatusCode() == 403) {
                return Optional.of("Could not check that this is not a Teams webinar or town hall (those cannot be "
                        + "credited): the provider lacks the Microsoft Graph permission VirtualEvent.Read.All "
                        + "(application) or VirtualEvent.Read (delegated). Grant it to make the check.");
            }
            throw e;
        }
    }

    private List<? extends VirtualEvent> webinars(GraphServiceClient client, BrokeredToken token, String provider) {
        var webinars = client.solutions().virtualEvents().webinars();
        return orEmpty(token.graphUserPath().equals("me")
                ? call(provider, () -> webinars.getByUserRoleWithRole("organizer").get().getValue())
                : call(provider, () -> webinars.getByUserIdAndRoleWithUserIdWithRole(
                "organizer", token.organizerId()).get().getValue()));
    }

    private List<? extends VirtualEvent> townhalls(GraphServiceClient client, BrokeredToken token, String provider) {
        var townhalls = client.solutions().virtualEvents().townhalls();
        return orEmpty(token.graphUserPath().equals("me")
                ? call(provider, () -> townhalls.getByUserRoleWithRole("organizer").get().getValue())
                : call(provider, () -> townhalls.getByUserIdAndRoleWithUserIdWithRole(
                "organizer", token.organizerId()).get().getValue()));
    }

    private boolean contains(List<? extends VirtualEvent> events, GraphServiceClient client, String provider,
                             boolean webinar, String meetingId, String joinUrl) {
        for (VirtualEvent event : events) {
            var solutions = client.solutions().virtualEvents();
            List<VirtualEventSession> found = orEmpty(call(provider, () -> (webinar
                    ? solutions.webinars().byVirtualEventWebinarId(event.getId()).sessions().get()
                    : solutions.townhalls().byVirtualEventTownhallId(event.getId()).sessions().get()).getValue()));
            for (VirtualEventSession s : found) {
                if (meetingId.equals(s.getId()) || sameUrl(joinUrl, s.getJoinWebUrl())) {
                    return true;
                }
            }
        }
        return false;
    }

    private <T> T call(String provider, Supplier<T> call) {
        return retry.call(provider, null, call);
    }

    /** Join URLs compared decoded and case-insensitively (Teams varies the escaping of the same link). */
    private static boolean sameUrl(String a, String b) {
        return a != null && b != null && decode(a).equals(decode(b));
    }

    private static String decode(String url) {
        return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
