package io.teamscpe.e2e;

import io.teamscpe.devstack.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the consumers' counters ({@code teamscpe_events_consumed_total}, {@code teamscpe_consumer_retries_total})
 * from every replica's {@code /q/metrics} once a second. A killed replica loses its counters, so the last reading
 * of each incarnation (process id) is kept and a replica's work is the sum over its incarnations. A sample may end
 * in an OpenMetrics exemplar ({@code # {span_id=…,trace_id=…} 1.0 …}) when the increment happened in a traced
 * request, as the consumers of {@code @Incoming} methods do.
 */
final class ReplicaMetrics implements AutoCloseable {
    private static final Pattern LINE = Pattern.compile(
            "^(teamscpe_events_consumed_total|teamscpe_consumer_retries_total)\\{([^}]*)}\\s+([0-9.Ee+]+)(\\s+#.*)?$");
    private static final Pattern OUTCOME = Pattern.compile("outcome=\"([a-z]+)\"");

    private final List<ServiceProcess> replicas;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** replica (log name) → pid → counter name ("applied", "duplicate", "skipped", "retries") → value. */
    private final Map<String, Map<Long, Map<String, Double>>> readings = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replica-metrics");
        t.setDaemon(true);
        return t;
    });

    ReplicaMetrics(List<ServiceProcess> replicas) {
        this.replicas = replicas;
        timer.scheduleWithFixedDelay(this::readAll, 0, 1, TimeUnit.SECONDS);
    }

    static String name(ServiceProcess replica) {
        String file = replica.log().getFileName().toString();
        return file.substring(0, file.length() - ".log".length());
    }

    /** Reads every live replica now (also the last reading before a check). */
    synchronized void readAll() {
        for (ServiceProcess replica : replicas) {
            if (!replica.isAlive()) {
                continue;
            }
            long pid = replica.pid();
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(replica.managementUrl() + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Map<String, Double> counters = new TreeMap<>();
                for (String line : body.split("\n")) {
                    Matcher m = LINE.matcher(line.trim());
                    if (m.matches()) {
                        Matcher outcome = OUTCOME.matcher(m.group(2));
                        String key = outcome.find() ? outcome.group(1) : "retries";
                        counters.merge(key, Double.parseDouble(m.group(3)), Double::sum);
                    }
                }
                readings.computeIfAbsent(name(replica), k -> new ConcurrentHashMap<>()).put(pid, counters);
            } catch (java.io.IOException notUp) {
                // starting, stopping or killed: its last reading stands
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A replica's counter summed over its incarnations. */
    long total(ServiceProcess replica, String counter) {
        return Math.round(readings.getOrDefault(name(replica), Map.of()).values().stream()
                .mapToDouble(c -> c.getOrDefault(counter, 0.0)).sum());
    }

    int incarnations(ServiceProcess replica) {
        return readings.getOrDefault(name(replica), Map.of()).size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
