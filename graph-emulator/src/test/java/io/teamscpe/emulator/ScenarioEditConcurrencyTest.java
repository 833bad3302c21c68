package io.teamscpe.emulator;

import static io.teamscpe.emulator.ScenarioEditApiTest.DANA;
import static io.teamscpe.emulator.ScenarioEditApiTest.TENANT;
import static io.teamscpe.emulator.ScenarioEditApiTest.meeting;
import static io.teamscpe.emulator.ScenarioEditApiTest.report;
import static io.teamscpe.emulator.ScenarioEditApiTest.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.emulator.Scenario.Meeting;
import io.teamscpe.emulator.Scenario.Tenant;
import io.teamscpe.emulator.http.QueryString;
import io.teamscpe.emulator.state.EditRefused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Testers editing one emulator at the same time lose nothing of each other's; the same edits from Java. */
class ScenarioEditConcurrencyTest {

    private static final int TESTERS = 8;
    private static final int MEETINGS_EACH = 10;
    private static GraphEmulator emulator;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        emulator = GraphEmulator.start(0);
        pool = Executors.newFixedThreadPool(TESTERS);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        emulator.close();
    }

    @BeforeEach
    void load() {
        emulator.loadScenario(scenario(meeting("m-A", DANA, null, "r-A", 2)));
    }

    @Test
    void concurrentAddsAndRemovesAllSurvive() throws Exception {
        List<Integer> statuses = all(tester -> {
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < MEETINGS_EACH; i++) {
                codes.add(post("/meetings", meeting("t" + tester + "-m" + i, DANA, null, "r", 1)).status());
            }
            codes.add(post("/meetings/m-A/attendanceReports", report("r-t" + tester, 1)).status());
            codes.add(delete("/meetings/t" + tester + "-m0").status());
            return codes;
        });

        assertThat(statuses).hasSize(TESTERS * (MEETINGS_EACH + 2))
                .containsOnly(201, 204).filteredOn(s -> s == 204).hasSize(TESTERS);
        String token = SdkClients.appToken(emulator, TENANT, "app-1", "pw");
        for (int tester = 0; tester < TESTERS; tester++) {
            assertThat(Http.get(meetingUrl("t" + tester + "-m0"), token).status()).isEqualTo(404);
            for (int i = 1; i < MEETINGS_EACH; i++) {
                assertThat(Http.get(meetingUrl("t" + tester + "-m" + i), token).status()).isEqualTo(200);
            }
        }
        List<String> reports = new ArrayList<>();
        Http.get(meetingUrl("m-A") + "/attendanceReports", token).json().get("value")
                .forEach(r -> reports.add(r.get("id").asText()));
        assertThat(reports).hasSize(TESTERS + 1).contains("r-A", "r-t0", "r-t" + (TESTERS - 1));
        var summary = Http.get(emulator.baseUrl() + "/_emulator/scenario", null).json();
        assertThat(summary.get("meetings").asInt()).isEqualTo(1 + TESTERS * (MEETINGS_EACH - 1));
        assertThat(summary.get("attendanceRecords").asInt())
                .isEqualTo(2 + TESTERS * (MEETINGS_EACH - 1) + TESTERS);
    }

    @Test
    void ofTestersAddingTheSameMeetingAtOnceExactlyOneWins() throws Exception {
        List<Integer> statuses = all(tester -> List.of(
                post("/meetings", meeting("m-same", DANA, TENANT, "r-" + tester, tester)).status()));

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(TESTERS - 1);
        assertThat(Http.get(emulator.baseUrl() + "/_emulator/scenario", null).json().get("meetings").asInt())
                .isEqualTo(2);
    }

    @Test
    void javaEditsServeAndRefuseLikeTheControlApi() {
        Meeting meeting = new Meeting("m-J", DANA, "https://teams.microsoft.com/l/meetup-join/j/0", "Java",
                Instant.parse("2026-10-05T16:00:00Z"), Instant.parse("2026-10-05T17:00:00Z"), null, false, null,
                List.of());

        assertThat(emulator.edits().addMeeting(null, meeting).tenantId()).isEqualTo(TENANT);
        String token = SdkClients.appToken(emulator, TENANT, "app-1", "pw");
        assertThat(Http.get(meetingUrl("m-J"), token).json().get("subject").asText()).isEqualTo("Java");
        assertThat(Http.get(meetingUrl("m-A"), token).status()).isEqualTo(200);
        assertThatThrownBy(() -> emulator.edits().addMeeting(TENANT, meeting))
                .isInstanceOfSatisfying(EditRefused.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> emulator.edits().addTenant(new Tenant(TENANT, "again", null, null, null)))
                .isInstanceOfSatisfying(EditRefused.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> emulator.edits().removeMeeting(null, "nope"))
                .isInstanceOfSatisfying(EditRefused.class, e -> assertThat(e.status()).isEqualTo(404));

        assertThat(emulator.edits().removeMeeting(TENANT, "m-J").meeting().subject()).isEqualTo("Java");
        assertThat(Http.get(meetingUrl("m-J"), token).status()).isEqualTo(404);
        assertThat(Http.get(meetingUrl("m-A"), token).status()).isEqualTo(200);
    }

    /** Runs one task per tester, all released at once, and collects their results. */
    private static List<Integer> all(Tester task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int t = 0; t < TESTERS; t++) {
            int tester = t;
            Callable<List<Integer>> call = () -> {
                go.await();
                return task.run(tester);
            };
            futures.add(pool.submit(call));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> future : futures) {
            statuses.addAll(future.get(60, TimeUnit.SECONDS));
        }
        return statuses;
    }

    @FunctionalInterface
    private interface Tester {
        List<Integer> run(int tester);
    }

    private static String meetingUrl(String meetingId) {
        return emulator.baseUrl() + "/v1.0/users/" + DANA + "/onlineMeetings/" + QueryString.encode(meetingId);
    }

    private static Http.Reply post(String path, String json) {
        return Http.json("POST", emulator.baseUrl() + "/_emulator" + path, json);
    }

    private static Http.Reply delete(String path) {
        return Http.json("DELETE", emulator.baseUrl() + "/_emulator" + path, "");
    }
}
