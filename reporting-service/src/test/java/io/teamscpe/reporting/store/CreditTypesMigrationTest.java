package io.teamscpe.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A schema migrated before credit types keeps its sessions, overrides, awards and runs: V7 gives each session the one
 * credit type CPE from its ruleset and maximum, and everything held before counts as CPE.
 */
@QuarkusTest
class CreditTypesMigrationTest {
    private static final String CREDIT_TYPES = "V7__credit_types.sql";

    @Inject
    AgroalDataSource db;
    @ConfigProperty(name = "quarkus.flyway.locations")
    List<String> locations;

    @Test
    void whatWasHeldBeforeCreditTypesIsCpe() throws Exception {
        String schema = "types_" + Long.toHexString(System.nanoTime());
        Path before = scriptsBefore();
        List<String> earlier = new ArrayList<>(locations);
        earlier.set(earlier.indexOf("db/migration"), "filesystem:" + before);
        flyway(schema, earlier).load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
            s.execute("insert into known_session (session_id, firm_id, title, scheduled_start, scheduled_end,"
                    + " time_zone, max_credits, ruleset_id, ruleset_version, revision) values ('s-1', 'firm-a',"
                    + " 'Ethics 2026', '2026-03-02T14:00:00Z', '2026-03-02T15:40:00Z', 'America/Chicago', 2.00,"
                    + " 'nasba-gib', 3, 5)");
            s.execute("insert into credit_override (session_id, firm_id, participant_id, credit, previous_credit,"
                    + " suggested, reason, decided_by, decided_at) values ('s-1', 'firm-a', 'ann', 2.0, 1.6, 1.6,"
                    + " 'documented', 'admin', now())");
            s.execute("insert into credit_award (session_id, professional_id, firm_id, credits, revoked,"
                    + " processing_run, updated_at) values ('s-1', 'ann', 'firm-a', 2.0, false, 1, now())");
            s.execute("insert into processing_run (session_id, run, firm_id, processed_by, processed_at, awarded,"
                    + " revised, revoked, unchanged, no_shows) values ('s-1', 1, 'firm-a', 'admin', now(), 1, 0, 0,"
                    + " 0, 2)");
        }

        flyway(schema, locations).load().migrate();

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
            try (ResultSet rs = s.executeQuery("select position, code, ruleset_id, ruleset_version, max_credits,"
                    + " max_credits_derived from report_credit_type where session_id = 's-1'")) {
                assertThat(rs.next()).as("the session's one credit type").isTrue();
                assertThat(rs.getInt(1)).isZero();
                assertThat(rs.getString(2)).isEqualTo("CPE");
                assertThat(rs.getString(3)).isEqualTo("nasba-gib");
                assertThat(rs.getInt(4)).isEqualTo(3);
                assertThat(rs.getBigDecimal(5)).isEqualByComparingTo(new BigDecimal("2.00"));
                assertThat(rs.getBoolean(6)).isFalse();
                assertThat(rs.next()).isFalse();
            }
            assertThat(single(s, "select credit_type from credit_override")).isEqualTo("CPE");
            assertThat(single(s, "select credit_type from credit_award")).isEqualTo("CPE");
            assertThat(single(s, "select credit_type || ' ' || awarded || ' ' || no_shows"
                    + " from processing_run_credit_type where run = 1")).isEqualTo("CPE 1 2");
            // the same professional may now hold a second credit type of the session
            s.execute("insert into credit_award (session_id, professional_id, credit_type, firm_id, credits,"
                    + " revoked, processing_run, updated_at) values ('s-1', 'ann', 'CFP', 'firm-a', 1.5, false, 2,"
                    + " now())");
            assertThat(single(s, "select count(*) from credit_award")).isEqualTo("2");
        }
    }

    /** The service's own scripts before credit types, as files (the classpath's, without V7). */
    private static Path scriptsBefore() throws IOException, URISyntaxException {
        Path scripts = Path.of(CreditTypesMigrationTest.class.getClassLoader().getResource("db/migration").toURI());
        Path dir = Files.createTempDirectory("before-credit-types");
        try (Stream<Path> files = Files.list(scripts)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals(CREDIT_TYPES)).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    Files.copy(in, dir.resolve(f.getFileName().toString()));
                }
            }
        }
        return dir;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** Flyway as the service runs it at start-up, on a schema of this test's own. */
    private FluentConfiguration flyway(String schema, List<String> locations) {
        return Flyway.configure().dataSource(db).schemas(schema).defaultSchema(schema)
                .locations(locations.toArray(String[]::new)).outOfOrder(true);
    }
}
