package io.teamscpe.devstack;

import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Starting and stopping child JVMs. */
final class Processes {
    private static final Logger LOG = Logger.getLogger(Processes.class);

    private Processes() {
    }

    /** {@code <java.home>/bin/java}: children run on the JVM that runs us. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL and wait for it to be gone. */
    static void stop(ProcessHandle process, String name, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warnf("%s (pid %d) did not stop within %s; killing it", name, process.pid(), grace);
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("waiting for " + name + " to stop failed", e);
        }
    }

    /** A shutdown hook that runs {@code action}; {@link #removeHook} undoes it. */
    static Thread addHook(String name, Runnable action) {
        Thread hook = new Thread(action, "devstack-stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void removeHook(Thread hook) {
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook runs (or ran) anyway
        }
    }
}
