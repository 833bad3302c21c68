package io.teamscpe.reporting.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Closed-loop load: {@code clients} threads, each with its own HTTP connection and bearer token, send GETs back to
 * back (the next as soon as the last answer is read in full) and time each one.
 */
final class LoadClients {
    record Figures(int requests, double p50, double p95, double p99, double max, double perSecond) {
        @Override
        public String toString() {
            return String.format("%,d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f requests/s",
                    requests, p50, p95, p99, max, perSecond);
        }
    }

    private LoadClients() {
    }

    static Figures run(URI uri, int clients, int requestsEach, Supplier<String> token) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                String bearer = token.get();
                results.add(pool.submit(client(uri, bearer, requestsEach, go)));
            }
            long t0 = System.nanoTime();
            go.countDown();
            long[] all = new long[clients * requestsEach];
            int at = 0;
            for (Future<long[]> result : results) {
                long[] times = result.get();
                System.arraycopy(times, 0, all, at, times.length);
                at += times.length;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(all);
            return new Figures(all.length, percentile(all, 50), percentile(all, 95), percentile(all, 99),
                    all[all.length - 1] / 1e6, all.length / seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<long[]> client(URI uri, String bearer, int requests, CountDownLatch go) {
        return () -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
            long[] times = new long[requests];
            go.await();
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                int status = send(http, request);
                times[i] = System.nanoTime() - t0;
                if (status != 200) {
                    throw new IllegalStateException("GET " + uri + " answered " + status);
                }
            }
            return times;
        };
    }

    private static int send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank - 1, 0)] / 1e6;
    }
}
