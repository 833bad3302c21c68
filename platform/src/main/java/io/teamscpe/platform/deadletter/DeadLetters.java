package io.teamscpe.platform.deadletter;

import io.smallrye.common.annotation.Identifier;
import io.teamscpe.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads a dead-letter topic and sends chosen records back to the topic they came from, headers (and so the event id)
 * unchanged: every consumer's inbox discards an event it already applied, so a redrive is safe to repeat. Reads
 * with a throwaway consumer that never commits offsets (no group), so listing changes nothing.
 */
@ApplicationScoped
public class DeadLetters {
    /** At most this many records are listed per call. */
    static final int MAX_LISTED = 500;
    private static final Duration POLL = Duration.ofMillis(500);
    /** Reading a dead-letter topic to its end gives up after this long (a broker that stopped answering). */
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    /** One parked record: where it is, what it is, and why the consumer parked it. */
    public record Parked(int partition, long offset, Instant timestamp, String key, String eventId, String eventType,
                         String reason, String failure) {
    }

    /** A record to send back: its place in the dead-letter topic. */
    public record Position(int partition, long offset) {
    }

    private final Map<String, Object> kafkaConfig;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** The suite's dead-letter topics, one per topic. */
    public static List<String> topics() {
        return Topics.ALL.stream().map(Topics::deadLetter).toList();
    }

    /** Up to {@link #MAX_LISTED} records of {@code deadLetterTopic}, oldest first per partition. */
    public List<Parked> list(String deadLetterTopic) {
        List<Parked> out = new ArrayList<>();
        read(deadLetterTopic, Set.of(), record -> {
            out.add(parked(record));
            return out.size() < MAX_LISTED;
        });
        return out;
    }

    /** Sends the records at {@code positions} back to their topic; returns the positions found and sent. */
    public List<Position> redrive(String deadLetterTopic, Set<Position> positions) {
        String origin = deadLetterTopic.substring(0, deadLetterTopic.length() - ".dlt".length());
        List<ConsumerRecord<String, String>> chosen = new ArrayList<>();
        read(deadLetterTopic, positions, record -> {
            chosen.add(record);
            return chosen.size() < positions.size();
        });
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new StringSerializer())) {
            List<Position> sent = new ArrayList<>();
            for (ConsumerRecord<String, String> r : chosen) {
                ProducerRecord<String, String> copy = new ProducerRecord<>(origin, r.key(), r.value());
                for (Header h : r.headers()) {
                    if (!h.key().startsWith("dead-letter-")) {
                        copy.headers().add(h);
                    }
                }
                producer.send(copy).get(30, TimeUnit.SECONDS);
                sent.add(new Position(r.partition(), r.offset()));
            }
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending records back", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the records back: " + e.getMessage(), e);
        }
    }

    /** Reads the topic from its start to its current end, handing records (those at {@code only}, if given) on. */
    private void read(String topic, Set<Position> only, java.util.function.Predicate<ConsumerRecord<String, String>>
            more) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    if ((only.isEmpty() || only.contains(new Position(r.partition(), r.offset()))) && !more.test(r)) {
                        return;
                    }
                }
            }
        }
    }

    private static Parked parked(ConsumerRecord<String, String> r) {
        return new Parked(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                header(r, "ce_id"), header(r, "ce_type"), header(r, "dead-letter-reason"),
                header(r, "dead-letter-exception-class-name"));
    }

    private static String header(ConsumerRecord<String, String> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = deployment(ConsumerConfig.configNames());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = deployment(ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letter-redrive");
        return config;
    }

    /** The deployment's Kafka settings (bootstrap servers, TLS, SASL) a client of this kind understands. */
    private Map<String, Object> deployment(Set<String> known) {
        Map<String, Object> config = new LinkedHashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
