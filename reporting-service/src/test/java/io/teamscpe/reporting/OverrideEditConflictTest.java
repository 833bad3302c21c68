package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency on overrides: a Completion row's ETag names its override state; an override with If-Match
 * goes ahead only while nobody overrode the row since.
 */
@QuarkusTest
class OverrideEditConflictTest {
    static final String FIRM = "firm-etag-override";
    static final String CONFLICT = "https://teamscpe.io/problems/edit-conflict";

    @Inject
    ObjectMapper json;

    @Test
    void twoAdminsOverridingTheSameRow() {
        Feed feed = reportWithBob();
        String alice = Tokens.admin(FIRM, "alice");
        String bob = Tokens.admin(FIRM, "bob");
        String read = etag(alice, feed);
        assertThat(read).isEqualTo("\"override-0\"").isEqualTo(etag(bob, feed));

        String afterAlice = override(alice, feed, read, "1.2").then().statusCode(200)
                .body("finalCredit", equalTo(1.2f)).extract().header("ETag");
        assertThat(afterAlice).isEqualTo("\"override-1\"").isEqualTo(etag(alice, feed));

        override(bob, feed, read, "1.8").then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo(CONFLICT)).body("currentETag", equalTo(afterAlice));
        row(bob, feed).then().body("finalCredit", equalTo(1.2f)).body("override.credit", equalTo(1.2f));

        String reread = etag(bob, feed);
        override(bob, feed, reread, "1.8").then().statusCode(200).header("ETag", "\"override-2\"")
                .body("finalCredit", equalTo(1.8f));
        given().auth().oauth2(bob).header("If-None-Match", "\"override-2\"")
                .get("/api/sessions/{id}/completion/bob", feed.sessionId).then().statusCode(304);
    }

    @Test
    void withoutIfMatchAsBeforeAMalformedOneIsA400AndOfTwoAtOnceOneWins() {
        Feed feed = reportWithBob();
        String admin = Tokens.admin(FIRM);
        override(admin, feed, null, "1").then().statusCode(200).header("ETag", "\"override-1\"");
        override(admin, feed, "override-1", "1").then().statusCode(400)
                .body("type", equalTo("https://teamscpe.io/problems/malformed-if-match"));
        row(admin, feed).then().header("ETag", "\"override-1\"");
        given().auth().oauth2(admin).get("/api/sessions/{id}/completion/nobody", feed.sessionId).then()
                .statusCode(404).body("type", equalTo("https://teamscpe.io/problems/participant-not-found"));

        List<CompletableFuture<Integer>> writes = List.of("alice", "bob").stream()
                .map(who -> CompletableFuture.supplyAsync(() -> override(Tokens.admin(FIRM, who), feed,
                        "\"override-1\"", "1.4").statusCode())).toList();
        assertThat(writes.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 412);
    }

    private Feed reportWithBob() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        feed.roster(new Enrollee("bob", "bob@firm.test", List.of(), "Bob Baker"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion", feed.sessionId).then()
                .statusCode(200).body("ruleset", equalTo(Feed.RULESET)).body("rows.participantId", contains("bob")));
        return feed;
    }

    private static Response row(String token, Feed feed) {
        return given().auth().oauth2(token).get("/api/sessions/{id}/completion/bob", feed.sessionId);
    }

    private static String etag(String token, Feed feed) {
        return row(token, feed).then().statusCode(200).extract().header("ETag");
    }

    private static Response override(String token, Feed feed, String ifMatch, String credit) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"credit\": " + credit + ", \"reason\": \"Documented technical difficulties\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/sessions/{id}/completion/bob", feed.sessionId);
    }
}
