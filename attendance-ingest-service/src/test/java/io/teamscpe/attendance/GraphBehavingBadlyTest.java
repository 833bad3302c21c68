package io.teamscpe.attendance;

import static io.teamscpe.attendance.Sessions.participantsOf;
import static io.teamscpe.attendance.Sessions.refreshUntil;
import static io.teamscpe.attendance.Sessions.schedule;
import static io.teamscpe.attendance.Sessions.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.GraphEmulator;
import io.teamscpe.emulator.Scenario;
import io.teamscpe.emulator.faults.FaultKind;
import io.teamscpe.emulator.faults.FaultPlan;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Throttling, outages, timeouts, expiring tokens and revoked access: the data comes out exact, or not at all. */
@QuarkusTest
class GraphBehavingBadlyTest {
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    private final GraphEmulator emulator = GraphEmulatorResource.emulator();

    @AfterEach
    void calm() {
        emulator.clearFaults();
    }

    @Test
    void underTwentyPercentInjectedFaultsTheFetchYieldsExactlyTheCleanFetchsAttendees() {
        emulator.loadScenario(withPageSize(DemoScenario.build(), 10, null));
        String clean = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        JsonPath cleanJob = refreshUntil(clean, "READY");

        emulator.faults(FaultPlan.of(0.2, 11).withKinds(FaultKind.HTTP_429, FaultKind.HTTP_503, FaultKind.HTTP_504,
                FaultKind.TIMEOUT).withRetryAfterSeconds(1).withTimeoutHold(Duration.ofSeconds(2)));
        String faulty = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START,
                DemoScenario.MEETING_END);
        JsonPath faultyJob = refreshUntil(faulty, "READY");

        assertThat(emulator.faultStats().totalFaults()).isGreaterThanOrEqualTo(3);
        assertThat(faultyJob.getInt("records")).isEqualTo(cleanJob.getInt("records"))
                .isEqualTo(DemoScenario.RECORD_COUNT);
        assertThat(attendees(faulty, faultyJob)).isEqualTo(attendees(clean, cleanJob));
        assertThat(hash(faultyJob)).isEqualTo(hash(cleanJob));
    }

    @Test
    void aTokenThatExpiresMidFetchIsRenewedThroughTheBroker() {
        emulator.loadScenario(withPageSize(DemoScenario.build(), 10, 1));
        emulator.faults(FaultPlan.none().withLatency(Duration.ofMillis(150)));
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START,
                DemoScenario.MEETING_END);
        int issuedBefore = TestTokenBroker.ISSUED.get();

        JsonPath job = refreshUntil(session, "READY");

        assertThat(job.getInt("records")).isEqualTo(DemoScenario.RECORD_COUNT);
        assertThat(TestTokenBroker.ISSUED.get() - issuedBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRevokedAccessPolicyFailsTheFetchWithTheFixAndKeepsThePreviousSnapshot() {
        emulator.loadScenario(DemoScenario.build());
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START,
                DemoScenario.MEETING_END);
        String before = refreshUntil(session, "READY").getString("snapshotId");
        emulator.loadScenario(withoutAccessPolicy(DemoScenario.build()));

        JsonPath failed = refreshUntil(session, "FAILED");

        assertThat(failed.getString("detail")).contains("access policy", "PowerShell", "previous data is kept");
        assertThat(status(session).getString("snapshotId")).isEqualTo(before);
    }

    /** Each attendee with their intervals, as published, in key order (session and snapshot ids left out). */
    private static List<Map<String, Object>> attendees(String session, JsonPath job) {
        return participantsOf(session, job.getString("snapshotId")).stream()
                .map(p -> Map.<String, Object>of("participant", p.getMap("participant"),
                        "intervals", p.getList("intervals")))
                .sorted(Comparator.comparing(m -> String.valueOf(((Map<?, ?>) m.get("participant"))
                        .get("participantKey"))))
                .toList();
    }

    private String hash(JsonPath job) {
        return (String) em.createNativeQuery("select content_hash from attendance_snapshot where id = ?1")
                .setParameter(1, job.getString("snapshotId")).getSingleResult();
    }

    private static Scenario withPageSize(Scenario s, int pageSize, Integer tokenLifetimeSeconds) {
        return new Scenario(s.tenants(), pageSize,
                tokenLifetimeSeconds != null ? tokenLifetimeSeconds : s.tokenLifetimeSeconds());
    }

    private static Scenario withoutAccessPolicy(Scenario s) {
        Scenario.Tenant t = s.tenants().get(0);
        List<Scenario.App> apps = t.apps().stream().map(a -> !a.clientId().equals(DemoScenario.CLIENT_ID) ? a
                : new Scenario.App(a.clientId(), a.displayName(), a.secrets(), a.applicationPermissions(),
                a.adminConsent(), null, a.redirectUris())).toList();
        return new Scenario(List.of(new Scenario.Tenant(t.id(), t.displayName(), apps, t.users(), t.meetings())),
                s.graphPageSize(), s.tokenLifetimeSeconds());
    }
}
