package io.teamscpe.emulator.state;

import io.teamscpe.emulator.Scenario;
import io.teamscpe.emulator.jwt.RsaSigningKey;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The mutable heart of one emulator instance: the current scenario snapshot, the signing keys and the base URL.
 * Every feature reads from here; nothing is static, so several emulators can run in one JVM.
 */
public final class EmulatorState {

    private final Object writeLock = new Object();
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
        Directory next = new Directory(Objects.requireNonNull(scenario, "scenario"));
        synchronized (writeLock) {
            directory.set(next);
        }
    }

    /**
     * Replaces the scenario with {@code edit} applied to the current one, in one step: edits never interleave
     * (nor with {@link #load}), so concurrent edits of different parts all survive. Readers keep the snapshot
     * they hold. An exception from {@code edit} leaves the state as it was.
     */
    public Scenario update(UnaryOperator<Scenario> edit) {
        synchronized (writeLock) {
            Scenario next = Objects.requireNonNull(edit.apply(directory.get().scenario()), "edited scenario");
            directory.set(new Directory(next));
            return next;
        }
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
