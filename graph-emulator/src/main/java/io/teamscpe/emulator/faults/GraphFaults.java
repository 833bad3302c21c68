package io.teamscpe.emulator.faults;

import io.teamscpe.emulator.graph.GraphApi;
import io.teamscpe.emulator.graph.GraphError;
import io.teamscpe.emulator.http.Handler;
import io.teamscpe.emulator.http.Interceptor;
import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Applies the current {@link FaultPlan} to Graph {@code /v1.0} requests and counts what it did. */
public final class GraphFaults implements Interceptor {

    private static final Logger LOG = System.getLogger(GraphFaults.class.getName());
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final GraphApi graph;
    private final Map<String, UrlHistory> history = new ConcurrentHashMap<>();
    private final LongAdder graphRequests = new LongAdder();
    private final LongAdder served = new LongAdder();
    private final Map<FaultKind, LongAdder> injected = new EnumMap<>(FaultKind.class);
    private volatile FaultPlan plan = FaultPlan.none();

    public GraphFaults(GraphApi graph) {
        this.graph = graph;
        for (FaultKind kind : FaultKind.values()) {
            injected.put(kind, new LongAdder());
        }
    }

    /** Installs a plan and starts afresh: per-URL history and counters are reset. */
    public synchronized void install(FaultPlan newPlan) {
        plan = newPlan == null ? FaultPlan.none() : newPlan;
        history.clear();
        graphRequests.reset();
        served.reset();
        injected.values().forEach(LongAdder::reset);
        LOG.log(Level.INFO, () -> "Graph faults: " + plan);
    }

    /** Stops injecting faults and latency; the counters keep what happened so far. */
    public synchronized void clear() {
        plan = FaultPlan.none();
        history.clear();
    }

    public FaultPlan plan() {
        return plan;
    }

    public FaultStats stats() {
        Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
        injected.forEach((kind, count) -> faults.put(kind, count.sum()));
        return new FaultStats(graphRequests.sum(), served.sum(), faults);
    }

    @Override
    public Response intercept(Request request, Handler next) {
        if (request.segments().isEmpty() || !request.segments().get(0).equalsIgnoreCase("v1.0")) {
            return next.handle(request);
        }
        FaultPlan current = plan;
        graphRequests.increment();
        pause(current.latency());
        Fault fault = decide(current, request);
        if (fault == null) {
            Response response = next.handle(request);
            served.increment();
            return response;
        }
        injected.get(fault.kind).increment();
        LOG.log(Level.DEBUG, () -> "injecting " + fault.kind.label() + " into " + request.method() + " "
                + request.rawPath());
        return answer(fault, current, request);
    }

    /** The fault for this request, or null; a URL whose last request was faulted is always served. */
    private Fault decide(FaultPlan current, Request request) {
        if (current.rate() <= 0) {
            return null;
        }
        String url = request.method() + " " + request.rawPath()
                + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
        List<FaultKind> kinds = List.copyOf(current.kinds());
        Fault[] chosen = new Fault[1];
        history.compute(url, (key, previous) -> {
            UrlHistory before = previous == null ? new UrlHistory(0, false) : previous;
            long attempt = before.attempts + 1;
            SplittableRandom random = new SplittableRandom(current.seed() * 0x9E3779B97F4A7C15L
                    ^ key.hashCode() * 0xC2B2AE3D27D4EB4FL ^ attempt);
            boolean faulted = !before.lastFaulted && random.nextDouble() < current.rate();
            if (faulted) {
                chosen[0] = new Fault(kinds.get(random.nextInt(kinds.size())), random.nextInt(4) == 0);
            }
            return new UrlHistory(attempt, faulted);
        });
        return chosen[0];
    }

    private Response answer(Fault fault, FaultPlan current, Request request) {
        String seconds = String.valueOf(current.retryAfterSeconds());
        return switch (fault.kind) {
            case HTTP_429 -> graph.render(request, new GraphError(429, "TooManyRequests",
                            "Too many requests. Retry after the time given in the Retry-After header."))
                    .withHeader("Retry-After", fault.httpDate ? httpDate(current.retryAfterSeconds()) : seconds);
            case HTTP_503 -> graph.render(request, new GraphError(503, "ServiceUnavailable",
                            "The service is temporarily unavailable. Retry after the time given in the Retry-After"
                                    + " header."))
                    .withHeader("Retry-After", seconds);
            case HTTP_504 -> graph.render(request, new GraphError(504, "GatewayTimeout",
                    "The gateway did not receive a timely response from the service."));
            case TIMEOUT -> {
                pause(current.timeoutHold());
                yield Response.dropConnection();
            }
        };
    }

    /**
     * An HTTP-date at least {@code seconds} and at least one whole second ahead: HTTP-dates have one-second
     * resolution, and a date already past on arrival makes the Graph SDK's retry handler sleep a negative time.
     */
    private String httpDate(int seconds) {
        Instant now = graph.state().clock().instant();
        Instant at = now.plusSeconds(Math.max(seconds, 1)).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return HTTP_DATE.format(at);
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Fault(FaultKind kind, boolean httpDate) {
    }

    private record UrlHistory(long attempts, boolean lastFaulted) {
    }
}
