package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.Stack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The faults of {@link ConferenceDayFaultTest}, one after the other while the day's data flows: the Kafka broker
 * killed and started again, PostgreSQL stopped immediately and started again, an attendance-ingest replica's
 * self-halt between Kafka's acknowledgement and the outbox commit awaited, then the other attendance replica and one
 * replica of each other consumer service killed, and all of them started again (attendance without the hook). Returns once every replica is
 * ready again.
 */
final class FaultSchedule implements Runnable {
    private final Stack stack;
    private final Map<String, String> attendanceEnv;
    private final String haltVariable;

    FaultSchedule(Stack stack, Map<String, String> attendanceEnv, String haltVariable) {
        this.stack = stack;
        this.attendanceEnv = attendanceEnv;
        this.haltVariable = haltVariable;
    }

    @Override
    public void run() {
        pause(Duration.ofSeconds(1));
        stack.kafka().kill();
        ConferenceDayFaultTest.log("fault: Kafka broker killed (kill -9)");
        pause(Duration.ofSeconds(4));
        stack.kafka().restart();
        ConferenceDayFaultTest.log("fault: Kafka broker back on its port");

        pause(Duration.ofSeconds(3));
        stack.postgres().stopImmediately();
        ConferenceDayFaultTest.log("fault: PostgreSQL stopped (pg_ctl stop -m immediate)");
        pause(Duration.ofSeconds(5));
        stack.postgres().startAgain();
        ConferenceDayFaultTest.log("fault: PostgreSQL back");

        // both attendance replicas carry the hook: the one that relays its second batch halts (only one relays at a
        // time, and which one is up to the lock), the other is then killed, so the fault happens on every run
        List<ServiceProcess> attendance = stack.replicas(Service.ATTENDANCE);
        Awaitility.await("an attendance-ingest replica halting after an acknowledged outbox batch")
                .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> attendance.stream().anyMatch(r -> !r.isAlive()));
        ServiceProcess halted = attendance.stream().filter(r -> !r.isAlive()).findFirst().orElseThrow();
        assertThat(halted.exitCode()).as("exit code of the halted replica").isEqualTo(137);
        ConferenceDayFaultTest.log("fault: %s halted between Kafka's acknowledgement and the commit (exit 137)",
                ReplicaMetrics.name(halted));
        List<ServiceProcess> victims = new ArrayList<>(attendance.stream().filter(r -> r != halted).toList());
        victims.addAll(List.of(stack.replicas(Service.POLLING).get(1), stack.replicas(Service.REPORTING).get(1)));
        victims.forEach(ServiceProcess::kill);
        ConferenceDayFaultTest.log("fault: killed (kill -9) %s", victims.stream().map(ReplicaMetrics::name).toList());
        Map<String, String> withoutHook = new HashMap<>(attendanceEnv);
        withoutHook.put(haltVariable, null);
        halted.restart(withoutHook);
        pause(Duration.ofSeconds(8));
        victims.forEach(v -> v.restart(attendance.contains(v) ? withoutHook : Map.of()));
        for (ServiceProcess replica : Stream.concat(Stream.of(halted), victims.stream()).toList()) {
            replica.awaitReady(Duration.ofMinutes(4));
        }
        ConferenceDayFaultTest.log("fault: every replica ready again");
    }

    /** How many attendance fetches the replica's log reports as committed (every life of it: the log is appended). */
    static long fetchesIn(ServiceProcess replica) {
        try (Stream<String> lines = Files.lines(replica.log())) {
            return lines.filter(l -> l.contains(" pages, ") && l.contains("committed in")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }
}
