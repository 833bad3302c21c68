package io.teamscpe.devstack.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Test helper: what is on a topic. Each call reads the whole topic from the beginning with a fresh consumer, so
 * tests see what was published whatever consumed it before.
 */
public final class KafkaProbe {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private KafkaProbe() {
    }

    /**
     * Reads {@code topic} from the beginning until at least {@code atLeast} records match, and returns every
     * matching record seen (in partition order).
     *
     * @throws AssertionError when fewer matched within {@code timeout}
     */
    public static List<ConsumerRecord<String, String>> await(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, String>> match, int atLeast, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    seen++;
                    if (match.test(record)) {
                        matched.add(record);
                    }
                }
                if (matched.size() >= atLeast) {
                    return matched;
                }
            }
        }
        throw new AssertionError("expected at least " + atLeast + " matching record(s) on " + topic + " within "
                + timeout + " but found " + matched.size() + " among " + seen + " record(s)");
    }

    /** {@link #await} with {@link #DEFAULT_TIMEOUT}. */
    public static List<ConsumerRecord<String, String>> await(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, String>> match, int atLeast) {
        return await(bootstrap, topic, match, atLeast, DEFAULT_TIMEOUT);
    }

    /** Records whose CloudEvents type header ({@code ce_type}) is {@code ceType}. */
    public static Predicate<ConsumerRecord<String, String>> ofType(String ceType) {
        return r -> ceType.equals(header(r, "ce_type"));
    }

    /** The last value of header {@code name} as UTF-8 text, or null when absent. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Publishes one record (e.g. a sample event for a consumer test) with string headers, waiting for the ack.
     */
    public static RecordMetadata send(String bootstrap, String topic, String key, String value,
            Map<String, String> headers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic + " via " + bootstrap, e);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        try {
            List<PartitionInfo> infos = Awaitility.await("partitions of " + topic)
                    .atMost(left.isNegative() ? Duration.ZERO : left)
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL)
                    .ignoreException(org.apache.kafka.common.errors.TimeoutException.class)
                    .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(2)),
                            found -> found != null && !found.isEmpty());
            return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("topic " + topic + " does not exist (or the broker does not answer)", e);
        }
    }
}
