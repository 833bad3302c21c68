package io.teamscpe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.demo.DemoData;
import io.teamscpe.devstack.demo.DemoFlow;
import io.teamscpe.devstack.demo.FormsExport;
import io.teamscpe.emulator.DemoScenario;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Drives a {@link ConferenceDay} through the public API as an LMS behind a load balancer would: each call goes to a
 * replica of its service in turn, and a call that fails because a replica, the database or the broker is away (no
 * answer, a 5xx) is tried again on the next replica until it gets an answer — only ever calls that are safe to
 * repeat (a poll upload re-lists the session's polls first and sends only the files that are missing).
 */
final class ConferenceDayDriver {
    static final Duration PATIENCE = Duration.ofMinutes(4);

    private final Stack stack;
    private final Api api;
    private final AtomicInteger turn = new AtomicInteger();
    final AtomicInteger retriedCalls = new AtomicInteger();

    ConferenceDayDriver(Stack stack) {
        this.stack = stack;
        this.api = new Api(new ObjectMapper().findAndRegisterModules(), DemoFlow.adminToken(stack.emulator()));
    }

    Api api() {
        return api;
    }

    /** The demo firm's provider, validated, and its NASBA GIB ruleset; then every session, created in order. */
    List<String> createSessions(List<ConferenceDay.Session> day) {
        Stack.Endpoints e = stack.endpoints();
        String providerId = DemoFlow.provider(api, e.credentialService());
        api.post(e.credentialService() + "/api/providers/" + providerId + "/validate",
                Map.of("organizerId", DemoScenario.ORGANIZER_ID)).expect(200);
        String rulesetId = DemoData.nasbaGib(api, e.sessionService()).id();
        return day.stream().map(s -> api.post(e.sessionService() + "/api/sessions", DemoFlow.sessionBody(s.title(),
                s.start(), s.end(), s.joinUrl(), providerId, rulesetId)).expect(201).body().path("id").asText())
                .toList();
    }

    void enroll(String sessionId, ConferenceDay.Session session) {
        call(Stack.Service.SESSION, base -> api.put(base + "/api/sessions/" + sessionId + "/enrollments",
                session.roster()), r -> r.status() == 200);
    }

    /** Waits until attendance-ingest knows the session (it learns of it from an event). */
    void awaitKnownToAttendance(String sessionId) {
        call(Stack.Service.ATTENDANCE, base -> api.get(attendance(base, sessionId)), r -> r.status() == 200);
    }

    /** "Refresh data". */
    void refresh(String sessionId) {
        call(Stack.Service.ATTENDANCE, base -> api.post(attendance(base, sessionId) + "/refresh", Map.of()),
                r -> r.status() == 202);
    }

    /** The session's attendance status, once some replica answers. */
    JsonNode attendanceStatus(String sessionId) {
        return call(Stack.Service.ATTENDANCE, base -> api.get(attendance(base, sessionId)), r -> r.status() == 200)
                .body();
    }

    /** Uploads the exports the session does not list yet, in one multipart request. */
    void uploadPolls(String sessionId, List<Api.Upload> files) {
        call(Stack.Service.POLLING, base -> {
            String url = base + "/api/sessions/" + sessionId + "/polls";
            Api.Reply listed = api.get(url);
            if (listed.status() != 200) {
                return listed;
            }
            Set<String> present = new HashSet<>();
            listed.body().path("polls").forEach(p -> present.add(p.path("fileName").asText()));
            List<Api.Upload> missing = files.stream().filter(f -> !present.contains(f.fileName())).toList();
            return missing.isEmpty() ? listed : api.postFiles(url, "files", missing);
        }, r -> r.status() == 200 || r.status() == 201);
    }

    /** The Completion report as some reporting replica has it now (null while none answers 200). */
    JsonNode completionNow(String sessionId) {
        List<ServiceProcess> replicas = stack.replicas(Stack.Service.REPORTING);
        ServiceProcess replica = replicas.get(Math.floorMod(turn.getAndIncrement(), replicas.size()));
        try {
            Api.Reply r = api.getAll(replica.baseUrl() + "/api/sessions/" + sessionId + "/completion", "rows");
            return r.status() == 200 ? r.body() : null;
        } catch (IllegalStateException unreachable) {
            return null;
        }
    }

    /** "Process CPE". */
    JsonNode process(String sessionId) {
        return call(Stack.Service.REPORTING, base -> api.post(base + "/api/sessions/" + sessionId + "/process",
                Map.of()), r -> r.status() == 200).body();
    }

    static List<Api.Upload> uploads(List<FormsExport> polls) {
        return polls.stream().map(FormsExport::upload).toList();
    }

    private static String attendance(String base, String sessionId) {
        return base + "/api/sessions/" + sessionId + "/attendance";
    }

    /**
     * {@code request} against the service's replicas in turn until {@code done} holds for an answer; an answer that
     * is not a 5xx and not done (e.g. a 404 before an event arrived) is asked again too, within {@link #PATIENCE}.
     */
    private Api.Reply call(Stack.Service service, Function<String, Api.Reply> request, Predicate<Api.Reply> done) {
        Api.Reply[] last = new Api.Reply[1];
        int[] attempts = {0};
        Awaitility.await(service.module() + " call").atMost(PATIENCE).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    List<ServiceProcess> replicas = stack.replicas(service);
                    ServiceProcess replica = replicas.get(Math.floorMod(turn.getAndIncrement(), replicas.size()));
                    if (attempts[0]++ > 0) {
                        retriedCalls.incrementAndGet();
                    }
                    try {
                        last[0] = request.apply(replica.baseUrl());
                    } catch (IllegalStateException unreachable) {
                        return false;
                    }
                    if (last[0].status() >= 400 && last[0].status() < 500 && last[0].status() != 404
                            && last[0].status() != 409) {
                        throw new IllegalStateException("refused: " + last[0]);
                    }
                    return done.test(last[0]);
                });
        return last[0];
    }
}
