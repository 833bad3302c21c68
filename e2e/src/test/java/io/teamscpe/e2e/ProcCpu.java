package io.teamscpe.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** CPU time of processes from {@code /proc/<pid>/stat} (Linux): a process's own, or a process tree's. */
final class ProcCpu {
    /** USER_HZ: the kernel reports times in 1/100 s on every architecture Linux supports here. */
    private static final long TICK_NANOS = 10_000_000L;

    private ProcCpu() {
    }

    /** User + system time of the process and of the children it waited for, plus its live descendants' own. */
    static Duration tree(long pid) {
        long ticks = ticks(pid, true);
        for (long child : ProcessHandle.of(pid).map(p -> p.descendants().map(ProcessHandle::pid).toList())
                .orElse(List.of())) {
            ticks += ticks(child, false);
        }
        return Duration.ofNanos(ticks * TICK_NANOS);
    }

    /** User + system time of the process alone (not of the services, broker and database it started). */
    static Duration own(long pid) {
        return Duration.ofNanos(ticks(pid, false) * TICK_NANOS);
    }

    /** The first process whose command line contains {@code needle}. */
    static OptionalLong find(String needle) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .contains(needle);
                        } catch (IOException gone) {
                            return false;
                        }
                    }).mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static long ticks(long pid, boolean withWaitedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name (field 2) may hold spaces: fields are counted after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withWaitedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
