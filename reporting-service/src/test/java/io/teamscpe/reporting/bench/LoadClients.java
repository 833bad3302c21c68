package io.teamscpe.reporting.bench;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

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
        return run(uri, clients, requestsEach, token, false, Duration.ZERO);
    }

    static Figures run(URI uri, int clients, int requestsEach, Supplier<String> token, boolean gzip) {
        return run(uri, clients, requestsEach, token, gzip, Duration.ZERO);
    }

    /**
     * {@code gzip}: ask for a compressed body, as browsers and gateways do, and inflate every byte of it (the
     * client's work counts too). {@code pace}: zero for back-to-back requests (saturation); otherwise each client
     * sends one request per {@code pace} on a fixed schedule (clients staggered), and a request's time runs from
     * when it was due, so a late start counts against the service (no coordinated omission).
     */
    static Figures run(URI uri, int clients, int requestsEach, Supplier<String> token, boolean gzip, Duration pace) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                String bearer = token.get();
                long offset = pace.toNanos() * c / clients;
                results.add(pool.submit(client(uri, bearer, requestsEach, go, gzip, pace.toNanos(), offset)));
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

    private static Callable<long[]> client(URI uri, String bearer, int requests, CountDownLatch go, boolean gzip,
                                           long paceNanos, long offsetNanos) {
        return () -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET();
            HttpRequest request = (gzip ? builder.header("Accept-Encoding", "gzip") : builder).build();
            long[] times = new long[requests];
            go.await();
            long start = System.nanoTime() + offsetNanos;
            for (int i = 0; i < requests; i++) {
                long t0 = paceNanos == 0 ? System.nanoTime() : start + i * paceNanos;
                while (System.nanoTime() < t0) {
                    LockSupport.parkNanos(t0 - System.nanoTime()); // the client's schedule, not synchronisation
                }
                int status = send(http, request);
                times[i] = System.nanoTime() - t0;
                if (status != 200) {
                    throw new IllegalStateException("GET " + uri + " answered " + status);
                }
            }
            return times;
        };
    }

    /** Sends and reads the whole body, inflated if it came gzip-compressed. */
    private static int send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        boolean zipped = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase)
                .isPresent();
        try (InputStream body = zipped ? new GZIPInputStream(response.body()) : response.body()) {
            byte[] buffer = new byte[64 * 1024];
            while (body.read(buffer) >= 0) {
                // every byte read, nothing kept
            }
        }
        return response.statusCode();
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank - 1, 0)] / 1e6;
    }
}
