package io.teamscpe.devstack;

import io.teamscpe.devstack.fake.FakeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceProcessTest {
    private static Path repo;

    /** A fake repository whose "fake-service" module is packaged like a Quarkus app. */
    @BeforeAll
    static void packageFakeService() throws IOException {
        repo = TestDirs.fresh("repo");
        Path jar = repo.resolve("fake-service/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             var classFile = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }

    @Test
    void startsWithTheGivenEnvironmentAwaitsReadinessAndStops() throws Exception {
        int port = Ports.freePort();
        ServiceProcess service = ServiceProcess.start(repo, "fake-service", port,
                Map.of("QUARKUS_HTTP_PORT", String.valueOf(port), "TEAMSCPE_CREDENTIALS_MASTER_KEY", "not-logged"),
                repo.resolve("logs/fake.log"));
        try {
            service.awaitReady(Duration.ofSeconds(30));
            assertThat(service.baseUrl()).isEqualTo("http://localhost:" + port);
            String names = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/env"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(names).contains("QUARKUS_HTTP_PORT", "TEAMSCPE_CREDENTIALS_MASTER_KEY");
        } finally {
            service.stop();
        }
        assertThat(service.isAlive()).isFalse();
        assertThat(Files.readString(service.log())).contains("fake service listening").doesNotContain("not-logged");
    }

    @Test
    void aServiceThatDiesFailsTheWaitAtOnceWithItsLog() {
        int port = Ports.freePort();
        ServiceProcess service = ServiceProcess.start(repo, "fake-service", port,
                Map.of("QUARKUS_HTTP_PORT", String.valueOf(port), "FAKE_EXIT", "3"), repo.resolve("logs/dying.log"));
        assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(60)))
                .hasMessageContaining("fake-service exited with code 3")
                .hasMessageContaining("fake service refusing to start");
    }

    @Test
    void aMissingPackageSaysHowToBuildIt() {
        assertThatThrownBy(() -> ServiceProcess.start(repo, "no-such-service", 1, Map.of(), repo.resolve("x.log")))
                .hasMessageContaining("no-such-service/target/quarkus-app/quarkus-run.jar is missing")
                .hasMessageContaining("./mvnw -DskipTests install");
    }
}
