package io.teamscpe.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.runtime.ShutdownEvent;
import io.teamscpe.platform.jdbc.SqlTimes;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in order, as CloudEvents binary-mode records, with {@code acks=all} and idempotence.
 * A row is marked sent only after the broker acknowledged it; while Kafka is down rows wait and are retried on the
 * next tick. Delivery is at least once: consumers de-duplicate on {@code ce_id}. One relay works at a time across
 * the replicas of a service (a transaction-scoped advisory lock keyed by the service's schema), which keeps per-key
 * order; the relays of other services sharing the database never wait for it. It runs as soon as a publishing
 * transaction commits, and every {@code teamscpe.outbox.interval} for anything left.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The relay's lock for this transaction: keyed by the schema of the connection, i.e. by service. */
    public static final String LOCK_STATEMENT =
            "select pg_try_advisory_xact_lock(" + 0x7EA5C9E0 + ", hashtext(current_schema()))";

    private final EntityManager em;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    /**
     * A fault-injection hook for tests, absent (0) by default: with {@code teamscpe.outbox.halt-after-send=N} the
     * process halts ({@code Runtime.halt(137)}, no shutdown hooks, as a {@code kill -9} would) right after the N-th
     * batch was sent and acknowledged by Kafka, before its rows are marked sent and the transaction commits. The rows
     * stay unsent and are published again by the next relay (another replica, or this one restarted): consumers
     * then see copies with the same {@code ce_id}, which their inbox discards. Used by the e2e ConferenceDayFaultTest.
     */
    private final int haltAfterSend;
    private final AtomicInteger batchesSent = new AtomicInteger();
    private volatile Producer<String, String> producer;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean stopping;
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(EntityManager em, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "teamscpe.outbox.batch-size", defaultValue = "2000") int batchSize,
                       @ConfigProperty(name = "teamscpe.outbox.halt-after-send", defaultValue = "0")
                       int haltAfterSend, MeterRegistry metrics) {
        this.em = em;
        this.published = Counter.builder("teamscpe.outbox.published")
                .description("Outbox events Kafka acknowledged").register(metrics);
        this.failures = Counter.builder("teamscpe.outbox.relay.failures")
                .description("Relay rounds that failed (broker or database unreachable) and will be retried")
                .register(metrics);
        this.kafkaConfig = kafkaConfig;
        this.batchSize = batchSize;
        this.haltAfterSend = haltAfterSend;
    }

    /**
     * Relays soon after a transaction that published commits ({@link Outbox} calls it), rather than at the next
     * tick: a wake-up that arrives while a relay runs makes it run once more, so none is lost.
     */
    void wakeUp() {
        if (wanted.compareAndSet(false, true)) {
            wakeups.execute(() -> {
                wanted.set(false);
                tick();
            });
        }
    }

    /** The safety net: rows of a failed relay, of another replica, or committed while a relay was finishing. */
    @Scheduled(every = "${teamscpe.outbox.interval:0.2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return;
        }
        try {
            long began = System.nanoTime();
            int sent;
            int total = 0;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
                total += sent;
                published.increment(sent);
            } while (sent == batchSize);
            if (total > 0) {
                LOG.debugf("relayed %d events in %d ms", total, (System.nanoTime() - began) / 1_000_000);
            }
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /**
     * Sends up to one batch within the caller's transaction; returns how many rows were acknowledged (all of them,
     * or it throws), 0 when another replica of this service is relaying.
     */
    public int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery(LOCK_STATEMENT).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        // read as plain rows and marked with one statement: a 10,000-event snapshot must not cost 10,000 updates
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, topic, record_key, ce_type, ce_source, ce_time, payload, traceparent
                        from outbox_event
                        where sent_at is null order by position limit ?1""")
                .setParameter(1, batchSize).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        String[] ids = new String[rows.size()];
        AtomicBoolean refused = new AtomicBoolean();
        for (int i = 0; i < rows.size(); i++) {
            // once a record failed, nothing after it may be sent: its partition would get the later records (a
            // snapshot's "completed" event) before it, and consumers would see a gap. The producer refuses a record
            // at once when it has no metadata for its topic (a broker just restarted) and goes on accepting the next
            // ones; the rows are sent again, in order, from the first unsent one, on the next relay.
            if (refused.get()) {
                break;
            }
            OutboxEvent row = toEvent(rows.get(i));
            ids[i] = row.id.toString();
            acks.add(producer().send(toRecord(row), (metadata, failure) -> {
                if (failure != null) {
                    refused.set(true);
                }
            }));
        }
        for (Future<RecordMetadata> ack : acks) {
            await(ack);
        }
        if (haltAfterSend > 0 && batchesSent.incrementAndGet() == haltAfterSend) {
            LOG.errorf("teamscpe.outbox.halt-after-send=%d: halting after Kafka acknowledged %d event(s), before "
                    + "they are marked sent (a test's fault injection)", haltAfterSend, rows.size());
            Runtime.getRuntime().halt(137);
        }
        em.createNativeQuery("update outbox_event set sent_at = ?1 where id = any(cast(?2 as uuid[]))")
                .setParameter(1, Instant.now()).setParameter(2, ids).executeUpdate();
        return rows.size();
    }

    private static OutboxEvent toEvent(Object[] columns) {
        OutboxEvent e = new OutboxEvent();
        e.id = columns[0] instanceof UUID u ? u : UUID.fromString(String.valueOf(columns[0]));
        e.topic = (String) columns[1];
        e.key = (String) columns[2];
        e.type = (String) columns[3];
        e.source = (String) columns[4];
        e.time = SqlTimes.instant(columns[5]);
        e.payload = (String) columns[6];
        e.traceparent = (String) columns[7];
        return e;
    }

    private static void await(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker did not acknowledge: " + e.getCause().getMessage(), e);
        }
    }

    private static ProducerRecord<String, String> toRecord(OutboxEvent row) {
        var record = new ProducerRecord<String, String>(row.topic, row.key, row.payload);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(row.id.toString()))
                .add("ce_type", bytes(row.type))
                .add("ce_source", bytes(row.source))
                .add("ce_time", bytes(row.time.toString()))
                .add("content-type", bytes("application/json"));
        if (row.traceparent != null) {
            record.headers().add("traceparent", bytes(row.traceparent));
        }
        return record;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The relay's producer settings: the deployment's Kafka settings a producer understands (bootstrap servers, TLS,
     * SASL: without them it could not reach a secured cluster), then the relay's own delivery guarantees.
     */
    static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // a 10,000-participant snapshot is ~10 MB of events: fewer, larger produce requests
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return config;
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = producerConfig(kafkaConfig);
                    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    /** From SIGTERM on, no new relay round starts: the current one finishes, what is left waits for the next owner. */
    void stopping(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void close() {
        wakeups.shutdownNow();
        if (producer != null) {
            producer.close();
        }
    }
}
