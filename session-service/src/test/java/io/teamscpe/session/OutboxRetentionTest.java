package io.teamscpe.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.contracts.Topics;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.platform.outbox.OutboxRetention;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbox rows Kafka acknowledged go after the retention period, except topics a service keeps as a record; what
 * read its own rows (a ruleset's delivery in the pre-flight check) still reads right once they are gone.
 */
@QuarkusTest
class OutboxRetentionTest {
    private static final String FIRM = "firm-retention";

    @Inject
    OutboxRetention retention;
    @Inject
    EntityManager em;

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void sentRowsGoAfterTheRetentionKeptTopicsStayAndAPublishedRulesetStaysPublished() {
        String session = EnrollmentApiTest.session(FIRM, DemoScenario.JOIN_URL);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sent(null) > 0 && unsent() == 0);
        long sessions = sent(Topics.SESSIONS);
        assertThat(sessions).isPositive();

        assertThat(retention.purge(Instant.now())).as("nothing is older than 7 days").isZero();
        assertThat(sent(null)).isPositive();

        Instant monthLater = Instant.now().plus(Duration.ofDays(30));
        OutboxRetention keepingSessions = new OutboxRetention(em, Duration.ofDays(7),
                Optional.of(List.of(Topics.SESSIONS)));
        keepingSessions.purge(monthLater);
        assertThat(sent(Topics.SESSIONS)).isEqualTo(sessions);
        assertThat(sent(null)).isEqualTo(sessions);

        // the count covers every firm's rows: other test classes share this database
        assertThat(retention.purge(monthLater)).isGreaterThanOrEqualTo((int) sessions);
        assertThat(sent(null)).isZero();
        PreflightApiTest.preflight(FIRM, session)
                .body("checks.find { it.name == 'ruleset' }.status", equalTo("PASS"));
    }

    /** Sent rows of this firm, of one topic or (null) all. */
    private long sent(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from outbox_event where firm_id = ?1 and sent_at is not null
                        and (cast(?2 as varchar) is null or topic = ?2)""")
                .setParameter(1, FIRM).setParameter(2, topic).getSingleResult()).longValue());
    }

    private long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where firm_id = ?1 and sent_at is null")
                .setParameter(1, FIRM).getSingleResult()).longValue());
    }
}
