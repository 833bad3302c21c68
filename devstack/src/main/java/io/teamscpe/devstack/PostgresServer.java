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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /** The binaries' pg_ctl, once found (kept: a stopped server has no process to find them by). */
    private volatile Path pgCtl;

    /**
     * The library extracts its binaries once per JVM, under the work directory of the first server started: look
     * there, else beside the running postmaster of this cluster.
     */
    private Path findPgCtl() {
        try (var found = Files.find(dataDir.resolve("pgwork"), 3,
                (p, a) -> p.endsWith(Path.of("bin", "pg_ctl")) && Files.isExecutable(p))) {
            var local = found.findFirst();
            if (local.isPresent()) {
                return local.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pgdata = dataDir.resolve("pgdata").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("/bin/postgres")
                        && p.info().arguments().map(a -> String.join(" ", a).contains(pgdata)).orElse(false))
                .map(p -> Path.of(p.info().command().get()).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable).findFirst()
                .or(this::pgCtlFromLog)
                .orElseThrow(() -> new IllegalStateException("no pg_ctl for the cluster in " + dataDir));
    }

    /** The library logs the pg_ctl command it started this cluster with. */
    private java.util.Optional<Path> pgCtlFromLog() {
        try (var lines = Files.lines(dataDir.resolve("postgres.log"))) {
            return lines.flatMap(l -> java.util.Arrays.stream(l.trim().split("\\s+")))
                    .filter(t -> t.endsWith("/bin/pg_ctl")).map(Path::of).filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Stops the server the way a crash would ({@code pg_ctl stop -m immediate}: no checkpoint, clients cut off);
     * {@link #startAgain()} brings it back on the same port and data, after crash recovery.
     */
    public void stopImmediately() {
        pgCtl("stop", "-m", "immediate", "-w", "-t", "60");
        LOG.infof("PostgreSQL on port %d stopped (immediate)", port());
    }

    /**
     * Starts the server again after {@link #stopImmediately()}, same port, options and data ({@code pg_ctl restart}
     * starts a stopped server with the options of its last start, kept in {@code postmaster.opts}).
     */
    public void startAgain() {
        pgCtl("restart", "-w", "-t", "120");
        LOG.infof("PostgreSQL on port %d started again", port());
    }

    /** Runs the embedded binaries' {@code pg_ctl} on this cluster, as the library does (under unshare as root). */
    private void pgCtl(String... args) {
        if (pgCtl == null) {
            pgCtl = findPgCtl();
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root: zonky starts it in a user namespace, so do we
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of("-D", dataDir.resolve("pgdata").toString()));
        command.addAll(List.of(args));
        Path log = dataDir.resolve("postgres.log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " failed; see " + log + ":\n"
                        + FileTrees.tail(log, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run pg_ctl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
