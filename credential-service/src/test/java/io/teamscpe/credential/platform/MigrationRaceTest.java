package io.teamscpe.credential.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Several replicas starting at once on an empty schema: each runs Flyway as the service does at start-up (same
 * locations and settings), all of them start, and every migration is applied exactly once.
 */
@QuarkusTest
class MigrationRaceTest {
    static final int REPLICAS = 4;

    @Inject
    AgroalDataSource db;
    @ConfigProperty(name = "quarkus.flyway.locations")
    List<String> locations;

    @Test
    void replicasStartingTogetherOnAnEmptySchemaMigrateItOnce() throws Exception {
        String schema = "race_" + Long.toHexString(System.nanoTime());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<CompletableFuture<MigrateResult>> runs = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return Flyway.configure().dataSource(db).schemas(schema).defaultSchema(schema)
                            .locations(locations.toArray(String[]::new)).outOfOrder(true).load().migrate();
                }, replicas));
            }
            start.countDown();
            int applied = 0;
            for (CompletableFuture<MigrateResult> run : runs) {
                applied += run.join().migrationsExecuted;
            }
            List<String> versions = appliedVersions(schema);
            assertThat(versions).doesNotHaveDuplicates().isNotEmpty();
            assertThat(applied).as("migrations executed over all replicas").isEqualTo(versions.size());
        } finally {
            replicas.shutdownNow();
        }
    }

    private List<String> appliedVersions(String schema) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select version from " + schema + ".flyway_schema_history where success and version is not null")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
