package io.teamscpe.attendance;

import static io.teamscpe.attendance.Sessions.awaitState;
import static io.teamscpe.attendance.Sessions.refreshUntil;
import static io.teamscpe.attendance.Sessions.schedule;
import static io.teamscpe.attendance.Sessions.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.attendance.service.FetchScheduler;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A running fetch holds its session: no other replica starts one meanwhile. A fetch whose replica died (no progress
 * for the lease's two minutes) is taken over by the next scheduler round, on any replica.
 */
@QuarkusTest
class FetchLeaseTest {
    @Inject
    ObjectMapper json;
    @Inject
    FetchScheduler ingestion;
    @Inject
    EntityManager em;

    @BeforeEach
    void scenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void aFetchThatStoppedMakingProgressIsTakenOverAndALiveOneIsLeftAlone() {
        String session = schedule(json, DemoScenario.MEETING_ID, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
        refreshUntil(session, "READY");

        fetchingSince(session, Instant.now(), "a fetch running on another replica");
        ingestion.runDueFetches();
        ingestion.refresh(Sessions.FIRM, session, false);
        assertThat(status(session).getString("detail")).as("nobody started a second fetch")
                .isEqualTo("a fetch running on another replica");

        fetchingSince(session, Instant.now().minus(Duration.ofMinutes(3)), "a fetch whose replica died");
        ingestion.runDueFetches();
        assertThat(awaitState(session, "READY").getString("detail")).startsWith("Unchanged since the previous fetch");
    }

    private void fetchingSince(String session, Instant lastProgress, String detail) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update ingestion_job set state = 'FETCHING', updated_at = ?1, detail = ?2 where session_id = ?3")
                .setParameter(1, lastProgress).setParameter(2, detail).setParameter(3, session).executeUpdate());
    }
}
