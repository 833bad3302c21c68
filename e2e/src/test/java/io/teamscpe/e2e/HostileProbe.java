package io.teamscpe.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Sends requests one at a time and keeps what no input may produce: a 5xx, a 4xx that is not
 * {@code application/problem+json}, no answer at all, or — where the request's caller decides the answer — anything
 * but the 401 or 403 it must get. Counts what it sent per service.
 */
final class HostileProbe {
    static final String PROBLEM_JSON = "application/problem+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int KEPT_BODY = 2_000;
    private static final Pattern TYPE = Pattern.compile(
            "\"type\"\\s*:\\s*\"[^\"]*/([^\"/]+)\"");

    /** What the caller alone decides: nothing (the input does), 401 (no token) or 403 (a firm user on /internal). */
    enum Expect { ANY, UNAUTHORIZED, FORBIDDEN }

    /** One request: {@code url} already percent-encoded; a null token sends no Authorization header. */
    record Attempt(String service, String operation, String variant, String method, String url, String token,
                   HostileBodies.Body body, Map<String, String> headers, Expect expect) {
        String describe() {
            return operation + " [" + variant + "]";
        }
    }

    /** An attempt that got what no input may produce; {@code status} 0 when there was no answer. */
    record Offence(Attempt attempt, int status, String contentType, String body, String why) {
        @Override
        public String toString() {
            String shown = body.length() > 600 ? body.substring(0, 600) + "… (" + body.length() + " chars)" : body;
            return attempt.service() + ": " + attempt.describe() + " → " + why
                    + (status == 0 ? "" : " (HTTP " + status + ", Content-Type " + contentType + "): " + shown);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Integer> sent = new LinkedHashMap<>();
    private final List<Offence> offences = new ArrayList<>();
    private final Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
    private final List<String> transcript = new ArrayList<>();

    HttpClient http() {
        return http;
    }

    /** Sends {@code attempt} and judges the answer; returns the status (0: no answer). */
    int send(Attempt attempt) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(attempt.url())).timeout(TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the walker built an invalid URL for " + attempt.describe(), e);
        }
        HttpRequest.BodyPublisher publisher = attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(attempt.body().bytes());
        request.method(attempt.method(), publisher);
        if (attempt.body() != null && attempt.body().contentType() != null) {
            request.header("Content-Type", attempt.body().contentType());
        }
        if (attempt.token() != null) {
            request.header("Authorization", "Bearer " + attempt.token());
        }
        attempt.headers().forEach(request::header);
        sent.merge(attempt.service(), 1, Integer::sum);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            statuses.computeIfAbsent(attempt.service() + " " + attempt.operation(), k -> new TreeMap<>())
                    .merge(response.statusCode(), 1, Integer::sum);
            String type = TYPE.matcher(new String(response.body(), StandardCharsets.UTF_8)).results()
                    .map(m -> m.group(1)).findFirst().orElse("");
            transcript.add(response.statusCode() + " " + type + "  " + attempt.service() + ": " + attempt.describe());
            judge(attempt, response);
            return response.statusCode();
        } catch (HttpTimeoutException e) {
            transcript.add("no answer  " + attempt.service() + ": " + attempt.describe());
            offences.add(new Offence(attempt, 0, "", "", "no answer within " + TIMEOUT.toSeconds() + " s"));
        } catch (IOException e) {
            transcript.add("no answer  " + attempt.service() + ": " + attempt.describe());
            offences.add(new Offence(attempt, 0, "", "", "no answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return 0;
    }

    private void judge(Attempt attempt, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("(none)");
        boolean problem = contentType.toLowerCase(Locale.ROOT).startsWith(PROBLEM_JSON);
        String why = null;
        if (status >= 500) {
            why = "server error";
        } else if (attempt.expect() == Expect.UNAUTHORIZED && status != 401) {
            why = "expected 401 without a token";
        } else if (attempt.expect() == Expect.FORBIDDEN && status != 403) {
            why = "expected 403 for a firm user's token";
        } else if (status >= 400 && !problem) {
            why = status == 404 || status == 405 ? "HTTP-layer " + status + " without problem+json"
                    : "4xx without problem+json";
        }
        if (why != null) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            offences.add(new Offence(attempt, status, contentType,
                    body.length() > KEPT_BODY ? body.substring(0, KEPT_BODY) + "…" : body, why));
        }
    }

    Map<String, Integer> sent() {
        return sent;
    }

    /** How often each status answered, per operation ("service METHOD path"). */
    Map<String, Map<Integer, Integer>> statuses() {
        return statuses;
    }

    /** Every answer: status, problem type (last path segment) and what was asked, in the order sent. */
    List<String> transcript() {
        return transcript;
    }

    int total() {
        return sent.values().stream().mapToInt(Integer::intValue).sum();
    }

    List<Offence> offences() {
        return offences;
    }
}
