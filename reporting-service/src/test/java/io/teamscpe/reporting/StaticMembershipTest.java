package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.HttpServer;
import io.teamscpe.contracts.Topics;
import io.teamscpe.devstack.quarkus.KafkaResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A replica with a stable name (teamscpe.kafka.instance-id, the pod name in a cluster) joins its consumer group as a
 * static member, one per channel: restarted under the same name it takes its partitions straight back instead of
 * waiting out the dead member's session. Readiness waits until each channel has joined, then says what it holds.
 */
@QuarkusTest
class StaticMembershipTest {
    @Inject
    HttpServer server;

    @Test
    void eachChannelIsAStaticMemberNamedAfterTheReplica() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaResource.bootstrapServers()))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("reporting-service"))
                        .describedGroups().get("reporting-service").get();
                assertThat(group.members()).extracting(m -> m.groupInstanceId().orElse("dynamic"))
                        .containsExactlyInAnyOrder("reporting-test-sessions", "reporting-test-attendance",
                                "reporting-test-polls");
                assertThat(group.members()).allSatisfy(m -> assertThat(assigned(m)).isPositive());
            });
        }
    }

    @Test
    void readinessSaysTheReplicaHasJoinedItsGroupAndWhatItHolds() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var ready = given().get("http://localhost:" + server.getManagementPort() + "/q/health/ready");
            assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(200);
            Map<String, Object> held = ready.jsonPath()
                    .getMap("checks.find { it.name == 'kafka group membership' }.data");
            String all = Topics.PARTITIONS + " partition(s) held";
            assertThat(held).containsOnly(Map.entry("cpe.sessions.v1", all), Map.entry("cpe.attendance.v1", all),
                    Map.entry("cpe.polls.v1", all));
        });
    }

    private static int assigned(MemberDescription member) {
        return member.assignment().topicPartitions().size();
    }
}
