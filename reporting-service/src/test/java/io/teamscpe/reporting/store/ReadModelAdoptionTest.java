package io.teamscpe.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A schema migrated before the session read model moved to platform keeps its sessions: the next start adopts
 * report_session's rows into known_session (and their report inputs version into report_inputs) and drops it.
 */
@QuarkusTest
class ReadModelAdoptionTest {
    /** The last of reporting's own scripts before the lift. */
    private static final String BEFORE_THE_LIFT = "4";

    @Inject
    AgroalDataSource db;
    @ConfigProperty(name = "quarkus.flyway.locations")
    List<String> locations;

    @Test
    void aSchemaFromBeforeTheLiftKeepsItsSessionsAndTheirInputsVersions() throws SQLException {
        String schema = "adopt_" + Long.toHexString(System.nanoTime());
        flyway(schema, List.of("db/platform", "db/migration")).target(BEFORE_THE_LIFT).load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into " + schema + ".report_session (session_id, firm_id, title, scheduled_start,"
                    + " scheduled_end, time_zone, max_credits, ruleset_id, ruleset_version, revision, cancelled,"
                    + " fields_of_study, delivery_method, inputs_version) values ('s-1', 'firm-a', 'Ethics 2026',"
                    + " '2026-03-02T14:00:00Z', '2026-03-02T15:40:00Z', 'America/Chicago', 2.00, 'nasba-gib', 3, 5,"
                    + " false, '{Ethics}', 'GROUP_INTERNET_BASED', 7)");
        }

        flyway(schema, locations).load().migrate();

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select firm_id, title, max_credits, ruleset_id, ruleset_version,"
                    + " revision, fields_of_study[1], time_zone from " + schema + ".known_session"
                    + " where session_id = 's-1'")) {
                assertThat(rs.next()).as("the session adopted into known_session").isTrue();
                assertThat(rs.getString(1)).isEqualTo("firm-a");
                assertThat(rs.getString(2)).isEqualTo("Ethics 2026");
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(new BigDecimal("2.00"));
                assertThat(rs.getString(4)).isEqualTo("nasba-gib");
                assertThat(rs.getInt(5)).isEqualTo(3);
                assertThat(rs.getInt(6)).isEqualTo(5);
                assertThat(rs.getString(7)).isEqualTo("Ethics");
                assertThat(rs.getString(8)).isEqualTo("America/Chicago");
            }
            try (ResultSet rs = s.executeQuery("select inputs_version from " + schema + ".report_inputs"
                    + " where session_id = 's-1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("inputs version kept: cached reports stay valid").isEqualTo(7);
            }
            try (ResultSet rs = s.executeQuery("select to_regclass('" + schema + ".report_session')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("report_session dropped").isNull();
            }
        }
    }

    /** Flyway as the service runs it at start-up, on a schema of this test's own. */
    private FluentConfiguration flyway(String schema, List<String> locations) {
        return Flyway.configure().dataSource(db).schemas(schema).defaultSchema(schema)
                .locations(locations.toArray(String[]::new)).outOfOrder(true);
    }
}
