package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency on sessions, rulesets and rosters: ETag on reads, If-Match on writes, 412 edit-conflict
 * when another admin changed the resource first.
 */
@QuarkusTest
class EditConflictTest {
    static final String CONFLICT = "https://teamscpe.io/problems/edit-conflict";

    @BeforeEach
    void demo() {
        Scenarios.demo();
    }

    @Test
    void twoAdminsEditingASession() {
        String firm = "firm-etag-session";
        String id = created(given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(SessionApiTest.body(DemoScenario.JOIN_URL)).post("/api/sessions"));
        String path = "/api/sessions/" + id;
        twoAdmins(firm, path, "session", (spec, who) -> spec.contentType(ContentType.JSON)
                .body(titled(who)).put(path));
        given().auth().oauth2(Tokens.admin(firm)).get(path).then().body("title", equalTo("Ethics by bob"));

        // cancelling (DELETE) is a write too
        String before = etag(Tokens.admin(firm, "alice"), path);
        given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(titled("carol")).put(path)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.admin(firm, "alice")).header("If-Match", before).delete(path)
                .then().statusCode(412).body("type", equalTo(CONFLICT));
        given().auth().oauth2(Tokens.admin(firm, "alice")).header("If-Match", etag(Tokens.admin(firm), path))
                .delete(path).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void twoAdminsEditingARuleset() {
        String firm = "firm-etag-ruleset";
        Response created = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON)
                .body(RulesetApiTest.ruleset("Firm 60%", "0.6")).post("/api/rulesets");
        String path = "/api/rulesets/" + created(created);
        assertThat(created.header("ETag")).isEqualTo(etag(Tokens.admin(firm), path));
        twoAdmins(firm, path, "ruleset", (spec, who) -> spec.contentType(ContentType.JSON)
                .body(RulesetApiTest.ruleset("Policy of " + who, "0.6")).put(path));
        given().auth().oauth2(Tokens.admin(firm)).get(path).then().body("name", equalTo("Policy of bob"));
    }

    @Test
    void twoAdminsEditingARosterWhicheverWriteTheyUse() {
        String firm = "firm-etag-roster";
        String session = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        String path = "/api/sessions/" + session + "/enrollments";
        assertThat(etag(Tokens.admin(firm), path)).isEqualTo("\"roster-0\"");
        twoAdmins(firm, path, "roster", (spec, who) -> spec.contentType(ContentType.JSON)
                .body(Map.of("enrollees", List.of(EnrollmentApiTest.person("lms-" + who, who + "@contoso.com"))))
                .put(path));
        twoAdmins(firm, path, "roster", (spec, who) -> spec.contentType(ContentType.JSON)
                .body(EnrollmentApiTest.person("lms-" + who + "-2", who + ".2@contoso.com")).post(path));
        twoAdmins(firm, path, "roster", (spec, who) -> spec.delete(path + "/lms-" + who + "-2"));
        // alice's lms-alice-2 was removed, bob's retry removed lms-bob-2: only bob's PUT remains
        given().auth().oauth2(Tokens.admin(firm)).get(path).then()
                .body("enrollees.lmsId", equalTo(List.of("lms-bob"))).body("rosterRevision", equalTo(6));
    }

    @Test
    void writesWithoutIfMatchWorkAsBeforeAndAMalformedOneIsA400() {
        String firm = "firm-etag-plain";
        String session = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        String path = "/api/sessions/" + session;
        String tag = etag(Tokens.admin(firm), path);
        given().auth().oauth2(Tokens.admin(firm)).header("If-Match", "session-1").contentType(ContentType.JSON)
                .body(titled("x")).put(path).then().statusCode(400)
                .body("type", equalTo("https://teamscpe.io/problems/malformed-if-match"));
        given().auth().oauth2(Tokens.admin(firm)).header("If-None-Match", tag).get(path).then().statusCode(304);
        String after = given().auth().oauth2(Tokens.admin(firm)).contentType(ContentType.JSON).body(titled("x"))
                .put(path).then().statusCode(200).extract().header("ETag");
        assertThat(after).isNotEqualTo(tag).isEqualTo(etag(Tokens.admin(firm), path));
        given().auth().oauth2(Tokens.admin(firm)).header("If-None-Match", tag).get(path).then().statusCode(200);
        // the same session again (no change) keeps its ETag; If-Match * always holds
        given().auth().oauth2(Tokens.admin(firm)).header("If-Match", "*").contentType(ContentType.JSON)
                .body(titled("x")).put(path).then().statusCode(200).header("ETag", after);
    }

    @Test
    void twoRosterWritesAtOnceWithTheSameETagExactlyOneWins() {
        String firm = "firm-etag-race";
        String session = EnrollmentApiTest.session(firm, DemoScenario.JOIN_URL);
        String path = "/api/sessions/" + session + "/enrollments";
        String tag = etag(Tokens.admin(firm), path);
        List<CompletableFuture<Integer>> writes = List.of("alice", "bob").stream()
                .map(who -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(Tokens.admin(firm, who))
                        .header("If-Match", tag).contentType(ContentType.JSON)
                        .body(EnrollmentApiTest.person("lms-" + who, who + "@contoso.com")).post(path).statusCode()))
                .toList();
        assertThat(writes.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 412);
    }

    /**
     * Alice and Bob read the same ETag; Alice writes first and wins; Bob's write is refused with 412 naming the
     * current ETag; Bob reads again, gets that ETag, and his retry succeeds.
     */
    private static void twoAdmins(String firm, String path, String kind,
                                  BiFunction<RequestSpecification, String, Response> write) {
        String alice = Tokens.admin(firm, "alice");
        String bob = Tokens.admin(firm, "bob");
        String read = etag(alice, path);
        assertThat(etag(bob, path)).isEqualTo(read).startsWith("\"" + kind + "-");

        String afterAlice = write.apply(given().auth().oauth2(alice).header("If-Match", read), "alice")
                .then().statusCode(200).extract().header("ETag");
        assertThat(afterAlice).isNotEqualTo(read).isEqualTo(etag(alice, path));

        write.apply(given().auth().oauth2(bob).header("If-Match", read), "bob").then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo(CONFLICT))
                .body("currentETag", equalTo(afterAlice));

        String reread = etag(bob, path);
        assertThat(reread).isEqualTo(afterAlice);
        write.apply(given().auth().oauth2(bob).header("If-Match", reread), "bob").then().statusCode(200);
    }

    private static String etag(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String created(Response response) {
        return response.then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> titled(String who) {
        Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
        body.put("title", "Ethics by " + who);
        return body;
    }
}
