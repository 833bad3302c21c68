package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.teamscpe.devstack.quarkus.Tokens;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Reads a session's Completion report, as an admin's screen polls it, until it shows what a test waits for. */
final class CompletionPoll {
    private CompletionPoll() {
    }

    /** The report of {@code feed}'s session once {@code ready} holds for it (within 60 s). */
    static JsonPath until(Feed feed, Predicate<JsonPath> ready) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = given().auth().oauth2(Tokens.admin(feed.firm))
                    .get("/api/sessions/{id}/completion", feed.sessionId);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = response.jsonPath();
            return ready.test(last[0]);
        });
        return last[0];
    }
}
