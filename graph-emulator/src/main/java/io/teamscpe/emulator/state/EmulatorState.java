package io.teamscpe.emulator.state;

import io.teamscpe.emulator.Scenario;
import io.teamscpe.emulator.jwt.RsaSigningKey;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mutable heart of one emulator instance: the current scenario snapshot, the signing keys and the base URL.
 * Every feature reads from here; nothing is static, so several emulators can run in one JVM.
 */
public final class EmulatorState {

    private final AtomicReference<Directory> directory = new AtomicReference<>(new Directory(Scenario.empty()));
    // RSA key generation takes a noticeable fraction of a second: both keys are made in parallel, off the caller
    private final CompletableFuture<RsaSigningKey> microsoftKey =
            CompletableFuture.supplyAsync(RsaSigningKey::generate);
    private final CompletableFuture<RsaSigningKey> idpKey =
            CompletableFuture.supplyAsync(RsaSigningKey::generate);
    private final Clock clock;
    private volatile String baseUrl = "http://localhost";

    public EmulatorState(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public Directory directory() {
        return directory.get();
    }

    /** Replaces all Microsoft-side state in one step. */
    public void load(Scenario scenario) {
        directory.set(new Directory(Objects.requireNonNull(scenario, "scenario")));
    }

    /** The key that signs the Entra tokens Graph accepts. */
    public RsaSigningKey microsoftKey() {
        return microsoftKey.join();
    }

    /** The key that signs the firm IdP's tokens. */
    public RsaSigningKey idpKey() {
        return idpKey.join();
    }

    public Clock clock() {
        return clock;
    }

    /** {@code http://localhost:<port>}, without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }
}
