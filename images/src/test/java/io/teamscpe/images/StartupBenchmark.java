package io.teamscpe.images;

import io.teamscpe.devstack.Ports;
import io.teamscpe.devstack.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up of each service as its image runs it (the image's file tree, chroot; production config against real
 * PostgreSQL, Kafka and IdP): time from process start to {@code /q/health/ready} UP on the management port, and the
 * JVM's resident memory then, with and without the start-up archive; medians of {@code -Drounds} rounds.
 * Needs the images' staged trees: {@code ./mvnw -B -Pimages package} first (README, "Benchmarks").
 */
public final class StartupBenchmark {
    private static final List<String> MODULES = List.of("credential-service", "session-service",
            "attendance-ingest-service", "polling-service", "reporting-service");

    private record Run(long millis, long rssMb) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 3);
        Path work = RepoRoot.find().resolve("images/target/images/work");
        Path logs = Files.createDirectories(work.resolve("logs"));
        ProductionEnv.of(0, 0); // starts PostgreSQL, Kafka and the emulator before anything is timed
        System.out.printf("%-27s %-18s %-18s%n", "service", "with archive", "without archive");
        for (String module : MODULES) {
            Path rootfs = work.resolve(module);
            if (!Files.isRegularFile(rootfs.resolve(ServiceImage.ARCHIVE.substring(1)))) {
                throw new IllegalStateException(rootfs + " has no start-up archive: build with -Pimages first");
            }
            List<Run> with = new ArrayList<>();
            List<Run> without = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                with.add(start(rootfs, module, "-XX:SharedArchiveFile=" + ServiceImage.ARCHIVE, logs));
                without.add(start(rootfs, module, null, logs));
            }
            System.out.printf("%-27s %-18s %-18s%n", module, median(with), median(without));
        }
        System.exit(0);
    }

    private static Run start(Path rootfs, String module, String archive, Path logs) throws Exception {
        int management = Ports.freePort();
        Path log = logs.resolve(module + "-benchmark.log");
        long started = System.nanoTime();
        try (Chroot run = Chroot.start(rootfs, ServiceImage.command(archive), ProductionEnv.of(Ports.freePort(),
                management), log)) {
            StartupArchive.awaitReady(run, management, module, log);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            long rss = run.java().map(StartupBenchmark::rssMb).orElse(-1L);
            return new Run(millis, rss);
        }
    }

    /** VmRSS of a process, in MB. */
    private static long rssMb(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static String median(List<Run> runs) {
        List<Long> millis = runs.stream().map(Run::millis).sorted().toList();
        List<Long> rss = runs.stream().map(Run::rssMb).sorted().toList();
        return String.format("%.1f s, %d MB", millis.get(millis.size() / 2) / 1000.0, rss.get(rss.size() / 2));
    }
}
