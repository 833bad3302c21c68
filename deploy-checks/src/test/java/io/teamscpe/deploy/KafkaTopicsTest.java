package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.contracts.Topics;
import io.teamscpe.deploy.support.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/platform creates exactly the topics of the contracts and their dead-letter twins, 12 partitions each. */
class KafkaTopicsTest {

    @Test
    void theTopicsAreTheContractsTopicsAndTheirDeadLetterTwins() {
        assertThat(problems(Platform.ofKind(Platform.documents(), "KafkaTopic"))).isEmpty();
    }

    @Test
    void aTopicWithTheWrongPartitionCountIsCaught() {
        List<ObjectNode> topics = copies();
        ((ObjectNode) topics.get(2).path("spec")).put("partitions", 6);

        assertThat(problems(topics)).containsExactly(topics.get(2).path("spec").path("topicName").asText()
                + ": 6 partitions, not Topics.PARTITIONS = 12");
    }

    @Test
    void aMissingDeadLetterTwinIsCaught() {
        List<ObjectNode> topics = copies();
        topics.removeIf(t -> t.path("spec").path("topicName").asText().equals("cpe.polls.v1.dlt"));

        assertThat(problems(topics)).containsExactly("missing topics [cpe.polls.v1.dlt]");
    }

    @Test
    void aTopicTheContractsDoNotKnowIsCaught() {
        List<ObjectNode> topics = copies();
        ((ObjectNode) topics.get(0).path("spec")).put("topicName", "cpe.credential.v1");

        assertThat(problems(topics)).containsExactly("missing topics [cpe.credentials.v1]",
                "topics the contracts do not know [cpe.credential.v1]");
    }

    static List<String> problems(List<ObjectNode> kafkaTopics) {
        List<String> out = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetter(t));
        });
        Map<String, ObjectNode> actual = new TreeMap<>();
        for (ObjectNode t : kafkaTopics) {
            String name = t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText());
            if (actual.put(name, t) != null) {
                out.add(name + ": declared twice");
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual.keySet());
        Set<String> unknown = new TreeSet<>(actual.keySet());
        unknown.removeAll(expected);
        if (!missing.isEmpty()) {
            out.add("missing topics " + missing);
        }
        if (!unknown.isEmpty()) {
            out.add("topics the contracts do not know " + unknown);
        }
        actual.forEach((name, t) -> {
            int partitions = t.path("spec").path("partitions").asInt();
            if (partitions != Topics.PARTITIONS) {
                out.add(name + ": " + partitions + " partitions, not Topics.PARTITIONS = " + Topics.PARTITIONS);
            }
            if (!t.path("spec").path("config").has("retention.ms")) {
                out.add(name + ": no retention.ms");
            }
            if (t.path("spec").path("replicas").asInt() < 3) {
                out.add(name + ": fewer than 3 replicas (acks=all with min.insync.replicas 2 needs 3)");
            }
        });
        return out;
    }

    private static List<ObjectNode> copies() {
        return new ArrayList<>(Platform.ofKind(Platform.documents(), "KafkaTopic").stream()
                .map(ObjectNode::deepCopy).toList());
    }
}
