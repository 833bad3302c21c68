package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.contracts.Topics;
import io.teamscpe.devstack.Stack;
import io.teamscpe.devstack.kafka.KafkaProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * An admin's path through one session after the meeting, over the public API: roster, "Refresh data", poll
 * uploads, the Completion report once it reflects them, "process CPE" and what that put on cpe.credits.v1.
 */
public final class SessionSteps {
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    /** What a session looks like once its attendance and polls are in the Completion report. */
    public record Prepared(JsonNode attendance, JsonNode polls, JsonNode completion) {
    }

    private final Api api;
    private final Stack.Endpoints endpoints;
    private final String sessionId;

    public SessionSteps(Api api, Stack.Endpoints endpoints, String sessionId) {
        this.api = api;
        this.endpoints = endpoints;
        this.sessionId = sessionId;
    }

    /** Enrolls {@code roster}, refreshes attendance, uploads {@code polls}, waits for the report to reflect all. */
    public Prepared prepare(Map<String, Object> roster, List<FormsExport> polls, String rulesetName) {
        int enrolled = api.put(endpoints.sessionService() + "/api/sessions/" + sessionId + "/enrollments", roster)
                .expect(200).body().path("enrolled").asInt();
        JsonNode attendance = refreshAttendance();
        JsonNode uploaded = uploadPolls(polls);
        String snapshot = attendance.path("snapshotId").asText();
        JsonNode completion = completionWhen(c -> snapshot.equals(c.path("freshness").path("attendanceSnapshotId")
                .asText()) && c.path("ruleset").asText().equals(rulesetName)
                && c.path("freshness").path("enrolled").asInt() == enrolled
                && pollsIn(c) == uploaded.path("polls").size());
        return new Prepared(attendance, uploaded, completion);
    }

    /** "Refresh data": fetches attendance from Graph and returns it once ready. */
    public JsonNode refreshAttendance() {
        String url = endpoints.attendanceService() + "/api/sessions/" + sessionId + "/attendance";
        // the session reaches attendance-ingest as an event, a moment after it was created
        await().until(() -> api.get(url).status() == 200);
        api.post(url + "/refresh", Map.of()).expect(202);
        return await().until(() -> api.get(url).expect(200).body(), a -> {
            String state = a.path("state").asText();
            if (state.equals("FAILED") || state.equals("REPORT_MISSING")) {
                throw new IllegalStateException("attendance " + state + ": " + a.path("detail").asText());
            }
            return state.equals("READY");
        });
    }

    /** Uploads the exports the session does not list yet (by file name) and returns the session's polls. */
    public JsonNode uploadPolls(List<FormsExport> polls) {
        String url = pollsUrl();
        // polling-service learns of the session from an event: 404 until then
        JsonNode listed = await().until(() -> api.getAll(url, "polls"), r -> r.status() == 200).body();
        Set<String> present = new HashSet<>();
        listed.path("polls").forEach(p -> present.add(p.path("fileName").asText()));
        List<Api.Upload> missing = polls.stream().filter(p -> !present.contains(p.fileName()))
                .map(FormsExport::upload).toList();
        if (!missing.isEmpty()) {
            api.postFiles(url, "files", missing).expect(201);
        }
        return api.getAll(url, "polls").expect(200).body();
    }

    /** Excludes a poll from credit; it stays listed. */
    public JsonNode excludePoll(String pollId, String reason) {
        return api.patch(pollsUrl() + "/" + pollId, Map.of("included", false, "reason", reason)).expect(200).body();
    }

    /** The Completion report once {@code ready} holds for it. */
    public JsonNode completionWhen(Predicate<JsonNode> ready) {
        String url = endpoints.reportingService() + "/api/sessions/" + sessionId + "/completion";
        return await().until(() -> api.getAll(url, "rows"), r -> r.status() == 200 && ready.test(r.body()))
                .body();
    }

    /** An admin's override of one participant's credit, with the reason the audit trail keeps. */
    public JsonNode override(String participantId, String credit, String reason) {
        return api.put(endpoints.reportingService() + "/api/sessions/" + sessionId + "/completion/" + participantId,
                Map.of("credit", new BigDecimal(credit), "reason", reason)).expect(200).body();
    }

    /**
     * Maps the unmatched attendee Teams showed as {@code displayName} to the enrolled professional {@code lmsId}
     * (unless done before) and returns the Completion report once the professional's rows reflect the attendance.
     */
    public JsonNode mapAttendee(String displayName, String lmsId) {
        String url = endpoints.reportingService() + "/api/sessions/" + sessionId + "/attendance-mappings";
        JsonNode overview = api.get(url).expect(200).body();
        boolean mapped = false;
        for (JsonNode m : overview.path("mappings")) {
            mapped |= m.path("lmsId").asText().equals(lmsId);
        }
        if (!mapped) {
            String key = null;
            for (JsonNode u : overview.path("unmatched")) {
                if (displayName.equals(u.path("displayName").asText())) {
                    key = u.path("participantKey").asText();
                }
            }
            if (key == null) {
                throw new IllegalStateException("no unmatched attendee named " + displayName);
            }
            api.post(url, Map.of("participantKey", key, "lmsId", lmsId)).expect(201);
        }
        return completionWhen(c -> {
            for (JsonNode row : c.path("rows")) {
                if (row.path("participantId").asText().equals(lmsId)) {
                    return row.path("matchMethod").asText().equals("MAPPED");
                }
            }
            return false;
        });
    }

    /** "Process CPE". */
    public JsonNode process() {
        return api.post(endpoints.reportingService() + "/api/sessions/" + sessionId + "/process", Map.of())
                .expect(200).body();
    }

    /** The events {@code processing} (a {@link #process()} result) put on cpe.credits.v1, read back from the topic. */
    public List<CreditEvent> published(JsonNode processing) {
        int run = processing.path("run").asInt();
        int count = processing.path("awarded").asInt() + processing.path("revised").asInt()
                + processing.path("revoked").asInt();
        if (count == 0) {
            return List.of();
        }
        return KafkaProbe.await(endpoints.kafkaBootstrapServers(), Topics.CREDITS,
                r -> r.key().equals(sessionId) && CreditEvent.of(r).processingRun() == run, count, PATIENCE)
                .stream().map(CreditEvent::of).toList();
    }

    /** Polls of the report: included and excluded. */
    private static int pollsIn(JsonNode completion) {
        JsonNode f = completion.path("freshness");
        return f.path("pollsIncluded").asInt() + f.path("pollsExcluded").asInt();
    }

    public String sessionId() {
        return sessionId;
    }

    private String pollsUrl() {
        return endpoints.pollingService() + "/api/sessions/" + sessionId + "/polls";
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptionsMatching(
                ex -> !(ex instanceof IllegalStateException && ex.getMessage().startsWith("attendance ")));
    }
}
