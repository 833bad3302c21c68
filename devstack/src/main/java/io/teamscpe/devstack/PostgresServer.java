package io.teamscpe.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 17 from Maven Central binaries (zonky), with the {@code teamscpe} database every service
 * keeps its schema in. Runs as root too (zonky starts it under {@code unshare -U}).
 */
public final class PostgresServer implements AutoCloseable {
    public static final String DATABASE = "teamscpe";
    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final String USER = "postgres";
    // the embedded server trusts local connections: this password only satisfies clients that insist on one
    private static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** A throwaway server for tests: no fsync, asynchronous commit (fast; a crash may lose committed work). */
    public static PostgresServer start(Path dataDir, int port, boolean keepData) {
        return start(dataDir, port, keepData, false);
    }

    /**
     * Starts PostgreSQL with its cluster in {@code dataDir/pgdata}.
     *
     * @param port     0 for a random free port
     * @param keepData true to reuse the cluster of an earlier start (local runs), false to begin empty
     * @param durable  true for what production does (fsync, synchronous commit: a commit survives a crash), which the
     *                 local run and the end-to-end tests use; false for the modules' throwaway test databases
     */
    public static PostgresServer start(Path dataDir, int port, boolean keepData, boolean durable) {
        Path root = dataDir.toAbsolutePath();
        Path log = root.resolve("postgres.log");
        try {
            Path work = Files.createDirectories(root.resolve("pgwork"));
            Path data = root.resolve("pgdata");
            if (!keepData) {
                FileTrees.deleteRecursively(data);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (durable) {
                // the library starts the server with -F and synchronous_commit=off; -c options come after and win
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(!keepData)
                    .setPort(Ports.orFree(port))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            PostgresServer server = new PostgresServer(postgres, root);
            server.createDatabaseIfMissing();
            LOG.infof("PostgreSQL ready on port %d (data %s, log %s)", postgres.getPort(), data, log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start; see " + log, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A new connection to the {@code teamscpe} database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    private void createDatabaseIfMissing() {
        String adminUrl = "jdbc:postgresql://localhost:" + port() + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, USER, PASSWORD);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf("PostgreSQL on port %d did not stop cleanly: %s", port(), e.getMessage());
        }
    }
}
