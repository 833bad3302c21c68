package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static io.teamscpe.polling.Fixtures.LOCAL_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency on a poll: ETag on GET, If-Match on PATCH (exclude/include) and PUT (replace the file). */
@QuarkusTest
class PollEditConflictTest {
    static final String CONFLICT = "https://teamscpe.io/problems/edit-conflict";

    @Inject
    ObjectMapper json;

    @Test
    void twoAdminsExcludingAndReplacingTheSamePoll() {
        String firm = "firm-etag-poll";
        String session = Fixtures.session(json, firm);
        String path = path(session, Fixtures.upload(firm, session, new Part("poll.xlsx", PollRejectionTest.good()))
                .then().statusCode(201).extract().path("polls[0].id"));

        // alice excludes the poll; bob, who read it included, wanted to include it (it was): he sees the change
        twoAdmins(firm, path, (spec, who) -> spec.contentType(ContentType.JSON)
                .body(Map.of("included", !who.equals("alice"), "reason", "excluded by " + who)).patch(path));
        given().auth().oauth2(Tokens.admin(firm)).get(path).then().body("poll.included", equalTo(true))
                .body("history.action", contains("UPLOADED", "EXCLUDED", "INCLUDED"));

        twoAdmins(firm, path, (spec, who) -> spec.multiPart("file", who + ".xlsx", export(who), Fixtures.XLSX)
                .put(path));
        given().auth().oauth2(Tokens.admin(firm)).get(path).then().body("poll.fileName", equalTo("bob.xlsx"));
    }

    @Test
    void readsAnswer304AndWritesWithoutIfMatchWorkAsBefore() {
        String firm = "firm-etag-poll-plain";
        String session = Fixtures.session(json, firm);
        String path = path(session, Fixtures.upload(firm, session, new Part("poll.xlsx", PollRejectionTest.good()))
                .then().statusCode(201).extract().path("polls[0].id"));
        String tag = etag(Tokens.admin(firm), path);
        assertThat(tag).isEqualTo("\"poll-0\"");
        given().auth().oauth2(Tokens.admin(firm)).header("If-None-Match", tag).get(path).then().statusCode(304);
        String after = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(Map.of("included", false, "reason", "no If-Match")).patch(path).then().statusCode(200)
                .extract().header("ETag");
        assertThat(after).isEqualTo("\"poll-1\"").isEqualTo(etag(Tokens.admin(firm), path));
        given().auth().oauth2(Tokens.admin(firm)).header("If-Match", "poll-1").contentType(ContentType.JSON)
                .body(Map.of("included", true)).patch(path).then().statusCode(400)
                .body("type", equalTo("https://teamscpe.io/problems/malformed-if-match"));
        given().auth().oauth2(Tokens.admin(firm)).header("If-Match", "poll-1")
                .multiPart("file", "x.xlsx", export("x"), Fixtures.XLSX).put(path).then().statusCode(400)
                .body("type", equalTo("https://teamscpe.io/problems/malformed-if-match"));
    }

    @Test
    void twoEditsAtOnceWithTheSameETagExactlyOneWins() {
        String firm = "firm-etag-poll-race";
        String session = Fixtures.session(json, firm);
        String path = path(session, Fixtures.upload(firm, session, new Part("poll.xlsx", PollRejectionTest.good()))
                .then().statusCode(201).extract().path("polls[0].id"));
        String tag = etag(Tokens.admin(firm), path);
        List<CompletableFuture<Integer>> edits = List.of("alice", "bob").stream()
                .map(who -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(Tokens.admin(firm, who))
                        .header("If-Match", tag).contentType(ContentType.JSON)
                        .body(Map.of("included", false, "reason", "by " + who)).patch(path).statusCode()))
                .toList();
        assertThat(edits.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 412);
    }

    /** Alice and Bob read the same ETag; Alice wins; Bob gets 412 with the current ETag, reads again and retries. */
    private static void twoAdmins(String firm, String path, BiFunction<RequestSpecification, String, Response> edit) {
        String alice = Tokens.admin(firm, "alice");
        String bob = Tokens.admin(firm, "bob");
        String read = etag(alice, path);
        assertThat(etag(bob, path)).isEqualTo(read);
        String afterAlice = edit.apply(given().auth().oauth2(alice).header("If-Match", read), "alice").then()
                .statusCode(200).extract().header("ETag");
        assertThat(afterAlice).isNotEqualTo(read).isEqualTo(etag(alice, path));
        edit.apply(given().auth().oauth2(bob).header("If-Match", read), "bob").then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo(CONFLICT))
                .body("currentETag", equalTo(afterAlice));
        String reread = etag(bob, path);
        assertThat(reread).isEqualTo(afterAlice);
        edit.apply(given().auth().oauth2(bob).header("If-Match", reread), "bob").then().statusCode(200);
    }

    private static String etag(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String path(String session, String pollId) {
        return "/api/sessions/" + session + "/polls/" + pollId;
    }

    private static byte[] export(String who) {
        return FormsExports.poll("Which standard governs this contract? (" + who + ")")
                .response("frederick.cormier@contoso.com", "Frederick Cormier", "ASC 606", LOCAL_START.plusMinutes(10))
                .xlsx();
    }
}
