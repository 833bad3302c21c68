package io.teamscpe.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerTest {

    @Test
    void tableSurvivesARestartWhenDataIsKept() throws Exception {
        Path dir = TestDirs.fresh("pg");
        int port;
        try (PostgresServer pg = PostgresServer.start(dir, 0, true)) {
            port = pg.port();
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/teamscpe");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int PRIMARY KEY, name text)");
                s.execute("INSERT INTO kept VALUES (1, 'survivor')");
            }
        }
        try (PostgresServer pg = PostgresServer.start(dir, port, true);
             Connection c = pg.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM kept WHERE id = 1")) {
            assertThat(pg.port()).isEqualTo(port);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survivor");
        }
    }

    @Test
    void startsEmptyWhenDataIsNotKept() throws Exception {
        Path dir = TestDirs.fresh("pg-clean");
        try (PostgresServer pg = PostgresServer.start(dir, 0, false);
             Connection c = pg.connect();
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE gone (id int)");
        }
        try (PostgresServer pg = PostgresServer.start(dir, 0, false);
             Connection c = pg.connect();
             ResultSet rs = c.getMetaData().getTables(null, "public", "gone", null)) {
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void theDurableServerCommitsToDiskWhileTheThrowawayOneNeedNot() throws Exception {
        try (PostgresServer durable = PostgresServer.start(TestDirs.fresh("pg-durable"), 0, false, true)) {
            assertThat(setting(durable, "fsync")).isEqualTo("on");
            assertThat(setting(durable, "synchronous_commit")).isEqualTo("on");
        }
        try (PostgresServer throwaway = PostgresServer.start(TestDirs.fresh("pg-throwaway"), 0, false)) {
            assertThat(setting(throwaway, "fsync")).isEqualTo("off");
        }
    }

    private static String setting(PostgresServer pg, String name) throws Exception {
        try (Connection c = pg.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + name)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
