package io.teamscpe.devstack;

import io.teamscpe.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The topics of {@link Topics} and their dead-letter twins, created on a broker (kept data: grown if needed). */
final class KafkaTopics {
    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);

    private KafkaTopics() {
    }

    /** Creates every topic that is missing, then closes {@code admin}. */
    static void createAll(Admin admin) {
        try (admin) {
            create(admin);
        }
    }

    private static void create(Admin admin) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, Topics.PARTITIONS, (short) 1));
            topics.add(new NewTopic(Topics.deadLetter(topic), Topics.PARTITIONS, (short) 1));
        }
        try {
            for (var created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + created.getKey(), e.getCause());
                    }
                }
            }
            growPartitions(admin, topics);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not add partitions", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("creating topics timed out", e);
        }
    }

    /** Topics of an earlier start (kept local data) with fewer partitions than {@link Topics#PARTITIONS} get more. */
    private static void growPartitions(Admin admin, List<NewTopic> topics)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Map<String, NewPartitions> grow = new java.util.HashMap<>();
        admin.describeTopics(topics.stream().map(NewTopic::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS)
                .forEach((name, description) -> {
                    if (description.partitions().size() < Topics.PARTITIONS) {
                        grow.put(name, NewPartitions.increaseTo(Topics.PARTITIONS));
                    }
                });
        if (!grow.isEmpty()) {
            LOG.infof("adding partitions to %s (now %d each)", grow.keySet(), Topics.PARTITIONS);
            admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
        }
    }
}
