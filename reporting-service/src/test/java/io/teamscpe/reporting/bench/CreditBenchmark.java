package io.teamscpe.reporting.bench;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.reporting.credit.CreditEngine;
import io.teamscpe.reporting.credit.CreditResult;
import io.teamscpe.reporting.credit.Facts;
import io.teamscpe.reporting.credit.Presets;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Credit for 10,000 participants × 12 polls under NASBA GIB (target ≤ 100 ms). Run:
 * {@code ./mvnw -B -q -pl reporting-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.teamscpe.reporting.bench.CreditBenchmark}
 */
public final class CreditBenchmark {
    private static final Instant START = Instant.parse("2026-10-05T16:00:00Z");
    private static final Instant END = START.plusSeconds(100 * 60);

    private CreditBenchmark() {
    }

    public static void main(String[] args) {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<Facts> facts = generate(participants, 12, new Random(42));
        long[] times = new long[30];
        BigDecimal total = BigDecimal.ZERO;
        for (int round = 0; round < 50 + times.length; round++) {
            long t0 = System.nanoTime();
            BigDecimal sum = BigDecimal.ZERO;
            for (Facts f : facts) {
                CreditResult r = CreditEngine.evaluate(Presets.NASBA_GIB, f);
                sum = sum.add(r.credit());
            }
            long elapsed = System.nanoTime() - t0;
            if (round >= 50) {
                times[round - 50] = elapsed;
            }
            total = sum;
        }
        Arrays.sort(times);
        System.out.printf("credit for %,d participants x 12 polls: median %.1f ms, best %.1f ms, worst %.1f ms "
                        + "(%d measured rounds after 50 warm-up; total credit %s)%n", participants,
                times[times.length / 2] / 1e6, times[0] / 1e6, times[times.length - 1] / 1e6, times.length, total);
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
