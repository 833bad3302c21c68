package io.teamscpe.emulator;

import static io.teamscpe.emulator.DemoScenario.ORGANIZER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.AttendanceRecord;
import com.microsoft.graph.models.AttendanceRecordCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.teamscpe.emulator.faults.FaultKind;
import io.teamscpe.emulator.faults.FaultPlan;
import io.teamscpe.emulator.faults.FaultStats;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Injected 429/503/504 answers, dropped connections and latency on Graph requests, and their counters. */
class GraphFaultsTest {

    private static final int PAGE_SIZE = 10;
    private static GraphEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = GraphEmulator.start(0);
        emulator.loadScenario(new Scenario(DemoScenario.build().tenants(), PAGE_SIZE, 3600));
    }

    @AfterEach
    void noFaults() {
        emulator.faults(FaultPlan.none());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theSdksDefaultRetryHandlerReadsEveryRecordThroughFaults() {
        GraphServiceClient graph = SdkClients.demoApp(emulator);
        emulator.faults(FaultPlan.none());
        List<String> clean = readAllRecords(graph);
        long requestsPerRead = emulator.faultStats().served();

        // Retry-After 1, not 0: the SDK's retry handler (kiota-http-okHttp 1.8.10) sleeps a negative time on a 429
        // with "Retry-After: 0" and throws IllegalArgumentException
        emulator.faults(FaultPlan.of(0.2, 16).withKinds(FaultKind.HTTP_429, FaultKind.HTTP_503, FaultKind.HTTP_504)
                .withRetryAfterSeconds(1));
        List<String> throughFaults = readAllRecords(graph);

        assertThat(throughFaults).hasSize(DemoScenario.RECORD_COUNT).isEqualTo(clean);
        FaultStats stats = emulator.faultStats();
        assertThat(stats.faults(FaultKind.HTTP_429)).isPositive();
        assertThat(stats.faults(FaultKind.HTTP_503)).isPositive();
        assertThat(stats.faults(FaultKind.HTTP_504)).isPositive();
        assertThat(stats.faults(FaultKind.TIMEOUT)).isZero();
        assertThat(stats.served()).isEqualTo(requestsPerRead);
        assertThat(stats.graphRequests()).isEqualTo(stats.served() + stats.totalFaults());
    }

    @Test
    void aTimeoutFaultIsAReadTimeoutAndTheRetryOfTheSameUrlGetsThrough() {
        String token = appToken();
        emulator.faults(FaultPlan.of(1, 1).withKinds(FaultKind.TIMEOUT).withTimeoutHold(Duration.ofSeconds(2)));
        GraphServiceClient impatient = SdkClients.graph(emulator, token,
                GraphClientFactory.create().readTimeout(Duration.ofMillis(300)).build());

        Throwable timedOut = catchThrowable(() -> impatient.users().byUserId(ORGANIZER_ID).get());

        assertThat(causes(timedOut)).hasAtLeastOneElementOfType(SocketTimeoutException.class);
        assertThat(impatient.users().byUserId(ORGANIZER_ID).get().getId()).isEqualTo(ORGANIZER_ID);
        assertThat(emulator.faultStats().faults(FaultKind.TIMEOUT)).isEqualTo(1);
        assertThat(emulator.faultStats().served()).isEqualTo(1);
    }

    @Test
    void controlApiPlansAreDeterministicNeverFaultAUrlTwiceInARowAndCountWhatHappened() {
        String token = appToken();
        String plan = "{\"rate\":0.5,\"seed\":7,\"kinds\":[\"429\",\"503\",\"504\"],\"retryAfterSeconds\":0}";
        assertThat(Http.json("PUT", emulator.baseUrl() + "/_emulator/faults", plan).status()).isEqualTo(200);
        Map<String, List<Http.Reply>> first = readRepeatedly(token);
        JsonNode stats = Http.get(emulator.baseUrl() + "/_emulator/stats", null).json();
        Http.json("PUT", emulator.baseUrl() + "/_emulator/faults", plan);
        Map<String, List<Http.Reply>> second = readRepeatedly(token);

        assertThat(statuses(second)).isEqualTo(statuses(first));
        List<Http.Reply> all = first.values().stream().flatMap(List::stream).toList();
        for (List<Http.Reply> sameUrl : first.values()) {
            for (int i = 1; i < sameUrl.size(); i++) {
                assertThat(sameUrl.get(i - 1).status() != 200 && sameUrl.get(i).status() != 200).isFalse();
            }
        }
        assertThat(stats.get("graphRequests").asLong()).isEqualTo(all.size());
        assertThat(stats.get("served").asLong()).isEqualTo(all.stream().filter(r -> r.status() == 200).count());
        for (String kind : List.of("429", "503", "504")) {
            assertThat(stats.at("/faults/" + kind).asLong()).as(kind).isPositive()
                    .isEqualTo(all.stream().filter(r -> String.valueOf(r.status()).equals(kind)).count());
        }
        assertThat(stats.at("/faults/TIMEOUT").asLong()).isZero();

        List<Http.Reply> throttled = all.stream().filter(r -> r.status() == 429).toList();
        assertThat(throttled).allSatisfy(r -> assertThat(r.json().at("/error/code").asText())
                .isEqualTo("TooManyRequests"));
        List<Http.Reply> dated = throttled.stream()
                .filter(r -> !r.raw().headers().firstValue("Retry-After").orElseThrow().equals("0")).toList();
        assertThat(dated).isNotEmpty().hasSizeLessThan(throttled.size()).allSatisfy(r -> {
            Instant retryAt = httpDate(r.raw().headers().firstValue("Retry-After").orElseThrow());
            Instant sent = httpDate(r.raw().headers().firstValue("Date").orElseThrow());
            assertThat(retryAt).isAfterOrEqualTo(sent.plusSeconds(1));
        });
        assertThat(all).filteredOn(r -> r.status() == 503).allSatisfy(r -> {
            assertThat(r.raw().headers().firstValue("Retry-After")).contains("0");
            assertThat(r.json().at("/error/innerError/request-id").asText()).isNotBlank();
        });
    }

    @Test
    void onlyGraphRequestsAreFaultedAndDeleteTurnsFaultsOff() {
        Http.json("PUT", emulator.baseUrl() + "/_emulator/faults", "{\"rate\":1,\"kinds\":[\"503\"]}");
        String token = appToken();
        String user = emulator.baseUrl() + "/v1.0/users/" + ORGANIZER_ID;

        assertThat(Http.get(emulator.baseUrl() + "/_emulator/health", null).status()).isEqualTo(200);
        Http.Reply unavailable = Http.get(user, token);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.raw().headers().firstValue("Retry-After")).contains("1");
        assertThat(Http.get(user, token).status()).isEqualTo(200);
        assertThat(Http.get(user, token).status()).isEqualTo(503);

        JsonNode off = Http.json("DELETE", emulator.baseUrl() + "/_emulator/faults", "").json();
        assertThat(off.get("rate").asDouble()).isZero();
        assertThat(Http.get(user, token).status()).isEqualTo(200);
        assertThat(Http.get(user, token).status()).isEqualTo(200);
        assertThat(emulator.faultStats().faults(FaultKind.HTTP_503)).isEqualTo(2);
        assertThat(Http.json("PUT", emulator.baseUrl() + "/_emulator/faults", "{\"rate\":2}").status())
                .isEqualTo(400);
    }

    @Test
    void latencyDelaysGraphAnswers() {
        String token = appToken();
        Http.json("PUT", emulator.baseUrl() + "/_emulator/faults", "{\"latencyMillis\":400}");

        long started = System.nanoTime();
        Http.Reply reply = Http.get(emulator.baseUrl() + "/v1.0/users/" + ORGANIZER_ID, token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(Http.get(emulator.baseUrl() + "/_emulator/faults", null).json().get("latencyMillis").asLong())
                .isEqualTo(400);
    }

    /** The demo meeting's records as the SDK reads them, one line per record. */
    private static List<String> readAllRecords(GraphServiceClient graph) {
        String meetingId = graph.users().byUserId(ORGANIZER_ID).onlineMeetings()
                .get(rc -> rc.queryParameters.filter = "JoinWebUrl eq '" + DemoScenario.JOIN_URL + "'")
                .getValue().get(0).getId();
        var reports = graph.users().byUserId(ORGANIZER_ID).onlineMeetings().byOnlineMeetingId(meetingId)
                .attendanceReports();
        String reportId = reports.get().getValue().get(0).getId();
        var records = reports.byMeetingAttendanceReportId(reportId).attendanceRecords();
        List<String> lines = new ArrayList<>();
        AttendanceRecordCollectionResponse page = records.get();
        while (true) {
            page.getValue().forEach(r -> lines.add(line(r)));
            if (page.getOdataNextLink() == null) {
                return lines;
            }
            page = records.withUrl(page.getOdataNextLink()).get();
        }
    }

    private static String line(AttendanceRecord r) {
        StringBuilder line = new StringBuilder(r.getIdentity().getId() + "|" + r.getEmailAddress() + "|"
                + r.getRole() + "|" + r.getTotalAttendanceInSeconds());
        r.getAttendanceIntervals().forEach(i -> line.append('|').append(i.getJoinDateTime()).append('-')
                .append(i.getLeaveDateTime()));
        return line.toString();
    }

    /** Ten rounds over three Graph URLs, without any retry: every reply, by URL. */
    private static Map<String, List<Http.Reply>> readRepeatedly(String token) {
        String user = emulator.baseUrl() + "/v1.0/users/" + ORGANIZER_ID;
        String meeting = user + "/onlineMeetings/" + DemoScenario.MEETING_ID;
        List<String> urls = List.of(user, meeting, meeting + "/attendanceReports");
        Map<String, List<Http.Reply>> replies = new LinkedHashMap<>();
        for (int round = 0; round < 10; round++) {
            for (String url : urls) {
                replies.computeIfAbsent(url, u -> new ArrayList<>()).add(Http.get(url, token));
            }
        }
        return replies;
    }

    private static Map<String, List<Integer>> statuses(Map<String, List<Http.Reply>> replies) {
        Map<String, List<Integer>> statuses = new LinkedHashMap<>();
        replies.forEach((url, list) -> statuses.put(url, list.stream().map(Http.Reply::status).toList()));
        return statuses;
    }

    private static Instant httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String appToken() {
        return SdkClients.appToken(emulator, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET);
    }
}
