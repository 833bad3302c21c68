package io.teamscpe.reporting.bench;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.reporting.Feed;
import io.teamscpe.reporting.credit.CreditEngine;
import io.teamscpe.reporting.credit.CreditResult;
import io.teamscpe.reporting.credit.Facts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Credit (and its reason) for 10,000 participants × 12 polls under NASBA GIB (target ≤ 100 ms). Run:
 * {@code ./mvnw -B -o -pl reporting-service test-compile exec:exec@credit-benchmark}. Prints wall-clock and this
 * thread's CPU time per round: on a machine shared with other builds the CPU time is the steadier figure.
 */
public final class CreditBenchmark {
    private static final Instant START = Instant.parse("2026-10-05T16:00:00Z");
    private static final Instant END = START.plusSeconds(100 * 60);

    private CreditBenchmark() {
    }

    public static void main(String[] args) {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<Facts> facts = generate(participants, 12, new Random(42));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int warmUp = 50;
        long[] times = new long[50];
        long[] cpuTimes = new long[times.length];
        BigDecimal total = BigDecimal.ZERO;
        long reasonChars = 0;
        for (int round = 0; round < warmUp + times.length; round++) {
            long cpu0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            BigDecimal sum = BigDecimal.ZERO;
            long chars = 0;
            for (Facts f : facts) {
                CreditResult r = CreditEngine.evaluate(Feed.NASBA_GIB_ATTENDANCE_ONLY, f);
                sum = sum.add(r.credit());
                chars += r.reason().length();
            }
            if (round >= warmUp) {
                times[round - warmUp] = System.nanoTime() - t0;
                cpuTimes[round - warmUp] = cpu.getCurrentThreadCpuTime() - cpu0;
            }
            total = sum;
            reasonChars = chars;
        }
        Arrays.sort(times);
        Arrays.sort(cpuTimes);
        System.out.printf("credit for %,d participants x 12 polls: median %.1f ms, best %.1f ms, worst %.1f ms; "
                        + "CPU time median %.1f ms (%d measured rounds after %d warm-up; total credit %s, "
                        + "%,d characters of reasons)%n", participants, times[times.length / 2] / 1e6,
                times[0] / 1e6, times[times.length - 1] / 1e6, cpuTimes[cpuTimes.length / 2] / 1e6, times.length,
                warmUp, total, reasonChars);
    }

    static List<Facts> generate(int participants, int polls, Random random) {
        List<Facts> out = new ArrayList<>(participants);
        for (int p = 0; p < participants; p++) {
            List<Interval> intervals = new ArrayList<>();
            int at = random.nextInt(10) - 5;
            int pieces = 1 + random.nextInt(3);
            for (int i = 0; i < pieces; i++) {
                int length = 10 + random.nextInt(60);
                intervals.add(new Interval(START.plusSeconds(at * 60L), START.plusSeconds((at + length) * 60L)));
                at += length + random.nextInt(5);
            }
            List<Facts.PollFact> answers = new ArrayList<>(polls);
            for (int q = 0; q < polls; q++) {
                answers.add(new Facts.PollFact("poll-" + q, random.nextInt(10) < 8
                        ? START.plusSeconds((q * 8L + 2) * 60) : null));
            }
            out.add(new Facts(intervals, START, END, new BigDecimal("2"), answers));
        }
        return out;
    }
}
