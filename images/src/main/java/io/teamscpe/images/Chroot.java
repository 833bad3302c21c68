package io.teamscpe.images;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command run inside an image's staged file tree, as the container would run it, without a container runtime:
 * {@code unshare --mount} (so the /proc it mounts goes away with it) and {@code chroot}. Needs root, as CI has.
 */
public final class Chroot implements AutoCloseable {
    private final Process process;

    private Chroot(Process process) {
        this.process = process;
    }

    /** Starts {@code command} in {@code rootfs} with only {@code env}, output appended to {@code log}. */
    public static Chroot start(Path rootfs, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        // as a container runtime does: /dev (without /dev/urandom SecureRandom seeds itself from thread timing,
        // 10 s of a start), /proc, and an /etc/hosts naming this host (the JSON log formatter looks it up)
        String script = "h=$(mktemp) && printf '127.0.0.1 localhost %s\\n::1 localhost\\n' \"$(hostname)\" > \"$h\""
                + " && mount --bind \"$h\" \"$0/etc/hosts\" && rm \"$h\" && mount --rbind /dev \"$0/dev\""
                + " && mount -t proc proc \"$0/proc\""
                + " && exec chroot \"$0\" \"$@\"";
        List<String> all = new ArrayList<>(List.of("unshare", "--mount", "--fork", "sh", "-c", script,
                rootfs.toAbsolutePath().toString()));
        all.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(all).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().putAll(env);
        return new Chroot(builder.start());
    }

    /** Whether this machine can: root, with unshare and chroot. */
    public static boolean available() {
        try {
            Process id = new ProcessBuilder("unshare", "--mount", "true").start();
            return id.waitFor(30, TimeUnit.SECONDS) && id.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The JVM inside (the command's last descendant), once it runs. */
    public Optional<ProcessHandle> java() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst();
    }

    /** SIGTERM to the JVM (it shuts down gracefully, writing an archive it was told to make), then waits. */
    public int stop(Duration grace) throws InterruptedException {
        java().ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        }
    }
}
