package io.teamscpe.images;

import io.teamscpe.devstack.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;

/**
 * The start-up archive (AppCDS) of a service's image: a training run of the image's own JVM on its own file tree
 * (chroot), in production with real PostgreSQL, Kafka and IdP, until ready, then a graceful stop; the JVM writes the
 * classes it loaded to /deployments/app-cds.jsa, which the image's JVM maps instead of loading them again.
 */
public final class StartupArchive {
    private static final Logger LOG = Logger.getLogger(StartupArchive.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StartupArchive() {
    }

    /** Makes {@code rootfs}'s archive; returns whether it exists afterwards. */
    static boolean train(Path rootfs, String module, Path log) throws IOException, InterruptedException {
        Path archive = rootfs.resolve(ServiceImage.ARCHIVE.substring(1));
        Files.deleteIfExists(archive);
        int management = Ports.freePort();
        try (Chroot run = Chroot.start(rootfs, ServiceImage.command("-XX:ArchiveClassesAtExit=" + ServiceImage.ARCHIVE),
                ProductionEnv.of(Ports.freePort(), management), log)) {
            awaitReady(run, management, module, log);
            run.stop(Duration.ofMinutes(2));
        }
        if (!Files.isRegularFile(archive)) {
            LOG.warnf("%s: no start-up archive was written; see %s", module, log);
            return false;
        }
        RootFs.fixTimes(archive);
        LOG.infof("%s: start-up archive of %d MB", module, Files.size(archive) >> 20);
        return true;
    }

    /** Waits until the run's {@code /q/health/ready} answers 200, failing if it exits first. */
    public static void awaitReady(Chroot run, int managementPort, String module, Path log) {
        URI ready = URI.create("http://localhost:" + managementPort + "/q/health/ready");
        Awaitility.await(module + " ready").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!run.isAlive()) {
                        throw new IllegalStateException(module + " exited; see " + log);
                    }
                    return ready(ready);
                });
    }

    static boolean ready(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
