package io.teamscpe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.teamscpe.contracts.Topics;
import io.teamscpe.deploy.support.KafkaUsage;
import io.teamscpe.deploy.support.KafkaUsage.Acl;
import io.teamscpe.deploy.support.Platform;
import io.teamscpe.deploy.support.SuiteService;
import io.teamscpe.deploy.support.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each service's KafkaUser grants exactly what the service's code does with Kafka (its outbox's topic, the topics
 * its channels consume, their dead-letter twins, its consumer group): a missing ACL fails the service in production,
 * an extra one lets it touch what it should not.
 */
class KafkaUserAclTest {

    @Test
    void theUsageIsReadFromTheCode() {
        assertThat(KafkaUsage.of(SuiteService.CREDENTIAL).produces()).containsExactly(Topics.CREDENTIALS);
        KafkaUsage polling = KafkaUsage.of(SuiteService.POLLING);
        assertThat(polling.produces()).containsExactly(Topics.POLLS);
        assertThat(polling.consumes()).containsExactlyInAnyOrder(Topics.SESSIONS, Topics.ATTENDANCE);
        assertThat(polling.groups()).containsExactly("polling-service");
        assertThat(polling.deadLetters()).containsExactlyInAnyOrder(Topics.deadLetter(Topics.SESSIONS),
                Topics.deadLetter(Topics.ATTENDANCE));
    }

    @Test
    void everyServiceHasAKafkaUserWithExactlyTheAclsItsCodeNeeds() {
        assertThat(problems(users())).isEmpty();
    }

    @Test
    void aMissingAclIsCaught() {
        List<ObjectNode> users = users();
        ObjectNode reporting = user(users, "reporting-service");
        var acls = (com.fasterxml.jackson.databind.node.ArrayNode) reporting.path("spec").path("authorization").path("acls");
        for (int i = acls.size() - 1; i >= 0; i--) {
            if (acls.get(i).path("resource").path("name").asText().equals("cpe.polls.v1")) {
                acls.remove(i);
            }
        }
        assertThat(problems(users)).containsExactly(
                "reporting-service: missing [Describe on topic cpe.polls.v1, Read on topic cpe.polls.v1]");
    }

    @Test
    void anExtraAclIsCaught() {
        List<ObjectNode> users = users();
        ObjectNode acl = Yaml.documents("resource: {type: topic, name: cpe.credits.v1, patternType: literal}\n"
                + "operations: [Read]\n").get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) user(users, "session-service")
                .path("spec").path("authorization").path("acls")).add(acl);

        assertThat(problems(users)).containsExactly("session-service: grants more than it uses [Read on topic cpe.credits.v1]");
    }

    static List<String> problems(List<ObjectNode> users) {
        List<String> out = new ArrayList<>();
        for (SuiteService s : SuiteService.values()) {
            List<ObjectNode> mine = users.stream()
                    .filter(u -> u.path("metadata").path("name").asText().equals(s.serviceName)).toList();
            if (mine.size() != 1) {
                out.add(s.serviceName + ": " + mine.size() + " KafkaUsers, not one");
                continue;
            }
            Set<Acl> required = KafkaUsage.of(s).requiredAcls();
            Set<Acl> granted = granted(mine.get(0));
            Set<Acl> missing = sorted(required);
            missing.removeAll(granted);
            Set<Acl> extra = sorted(granted);
            extra.removeAll(required);
            if (!missing.isEmpty()) {
                out.add(s.serviceName + ": missing " + missing);
            }
            if (!extra.isEmpty()) {
                out.add(s.serviceName + ": grants more than it uses " + extra);
            }
        }
        return out;
    }

    private static Set<Acl> granted(ObjectNode user) {
        Set<Acl> acls = sorted(Set.of());
        user.path("spec").path("authorization").path("acls").forEach(a -> {
            var resource = a.path("resource");
            String name = resource.path("patternType").asText("literal").equals("literal")
                    ? resource.path("name").asText() : resource.path("name").asText() + "*";
            a.path("operations").forEach(op -> acls.add(new Acl(resource.path("type").asText(), name, op.asText())));
        });
        return acls;
    }

    private static Set<Acl> sorted(Set<Acl> acls) {
        Set<Acl> out = new TreeSet<>(java.util.Comparator.comparing(Acl::toString));
        out.addAll(acls);
        return out;
    }

    private static List<ObjectNode> users() {
        return new ArrayList<>(Platform.ofKind(Platform.documents(), "KafkaUser").stream()
                .map(ObjectNode::deepCopy).toList());
    }

    private static ObjectNode user(List<ObjectNode> users, String name) {
        return users.stream().filter(u -> u.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow();
    }
}
