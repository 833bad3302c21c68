package io.teamscpe.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: {@code @QuarkusTestResource(PostgresResource.class)}. One server per
 * test JVM, shared by every application start; each service's Flyway creates its own schema in it.
 * Sets {@code quarkus.datasource.jdbc.url}, {@code .username} and {@code .password}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /** The datasource settings of the shared server (started if needed), e.g. for tests that use JDBC directly. */
    public static Map<String, String> datasource() {
        return SharedServers.config(SharedServers.postgres());
    }

    @Override
    public Map<String, String> start() {
        return datasource();
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM; a shutdown hook stops it
    }
}
