package io.teamscpe.attendance.microsoft;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.item.attendancereports.AttendanceReportsRequestBuilder;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.graph.BrokeredToken;
import io.teamscpe.platform.graph.GraphClients;
import io.teamscpe.platform.graph.TokenBrokerClient;
import io.teamscpe.platform.graph.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A provider's Graph access for one fetch: a brokered token renewed before it expires (and on 401), and the
 * meeting's attendance URLs on {@code /users/{organizer}} (application providers) or {@code /me} (delegated).
 */
@ApplicationScoped
public class GraphAccess {
    /** Renew a token this close to its expiry rather than have a page fail on it. */
    private static final Duration MARGIN = Duration.ofMinutes(2);

    private final TokenBrokerClient broker;
    private final GraphClients graph;

    public GraphAccess(@RestClient TokenBrokerClient broker, GraphClients graph) {
        this.broker = broker;
        this.graph = graph;
    }

    public Connection connect(KnownSession session) {
        Connection c = new Connection(new TokenRequest(session.firmId(), session.providerId(), session.organizerId()));
        c.renew();
        return c;
    }

    /** Not thread-safe: one fetch, one thread. */
    public final class Connection {
        private final TokenRequest request;
        private BrokeredToken token;
        private GraphServiceClient client;

        private Connection(TokenRequest request) {
            this.request = request;
        }

        public void renew() {
            token = broker.issue(request);
            client = graph.withToken(token.accessToken());
        }

        AttendanceReportsRequestBuilder reports(String meetingId) {
            return client().users().byUserId("-").onlineMeetings().byOnlineMeetingId("-").attendanceReports()
                    .withUrl(uri(reportsRequest(meetingId)));
        }

        String recordsUrl(String meetingId, String reportId) {
            RequestInformation info = token.graphUserPath().equals("me")
                    ? client.me().onlineMeetings().byOnlineMeetingId(meetingId).attendanceReports()
                    .byMeetingAttendanceReportId(reportId).attendanceRecords().toGetRequestInformation()
                    : client.users().byUserId(token.organizerId()).onlineMeetings().byOnlineMeetingId(meetingId)
                    .attendanceReports().byMeetingAttendanceReportId(reportId).attendanceRecords()
                    .toGetRequestInformation();
            return uri(info);
        }

        /**
         * The body of a page of records, as sent, by its absolute URL (the first page's, or an
         * {@code @odata.nextLink} verbatim). Graph's errors arrive as {@link ODataError}; a broken read as an
         * {@link UncheckedIOException} caused by the {@link IOException}, which {@code GraphRetry} retries.
         */
        byte[] records(String url) {
            GraphServiceClient c = client();
            RequestInformation info = c.users().byUserId("-").onlineMeetings().byOnlineMeetingId("-")
                    .attendanceReports().byMeetingAttendanceReportId("-").attendanceRecords().withUrl(url)
                    .toGetRequestInformation();
            HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
            errors.put("XXX", ODataError::createFromDiscriminatorValue);
            try (InputStream body = c.getRequestAdapter().sendPrimitive(info, errors, InputStream.class)) {
                return body == null ? new byte[0] : body.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("reading an attendance page from Graph", e);
            }
        }

        private RequestInformation reportsRequest(String meetingId) {
            return token.graphUserPath().equals("me")
                    ? client.me().onlineMeetings().byOnlineMeetingId(meetingId).attendanceReports()
                    .toGetRequestInformation()
                    : client.users().byUserId(token.organizerId()).onlineMeetings().byOnlineMeetingId(meetingId)
                    .attendanceReports().toGetRequestInformation();
        }

        private GraphServiceClient client() {
            if (token.expiresAt() != null && token.expiresAt().isBefore(Instant.now().plus(MARGIN))) {
                renew();
            }
            return client;
        }

        /** The request's absolute URL on the configured Graph root (the SDK's builders default to Microsoft's). */
        private String uri(RequestInformation info) {
            info.pathParameters.put("baseurl", graph.baseUrl());
            try {
                return info.getUri().toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Graph request URL", e);
            }
        }
    }
}
