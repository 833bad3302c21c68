package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency on a provider: ETag on reads, If-Match on PUT and DELETE, 412 edit-conflict. */
@QuarkusTest
class ProviderEditConflictTest {
    static final String FIRM = "firm-etag";
    static final String ALICE = Tokens.admin(FIRM, "alice");
    static final String BOB = Tokens.admin(FIRM, "bob");

    @BeforeEach
    void loadScenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void twoAdminsEditingTheFirstWinsAndTheSecondReloadsAndRetries() {
        String id = register();
        String read = etagOf(ALICE, id);
        assertThat(etagOf(BOB, id)).isEqualTo(read).matches("\"provider-\\d+\"");

        String afterAlice = rename(ALICE, id, read, "Alice's name").then().statusCode(200)
                .body("provider.name", equalTo("Alice's name")).extract().header("ETag");
        assertThat(afterAlice).isNotEqualTo(read).isEqualTo(etagOf(ALICE, id));

        rename(BOB, id, read, "Bob's name").then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/edit-conflict"))
                .body("status", equalTo(412)).body("currentETag", equalTo(afterAlice));
        given().auth().oauth2(BOB).get("/api/providers/{id}", id).then().body("name", equalTo("Alice's name"));

        String reread = etagOf(BOB, id);
        assertThat(reread).isEqualTo(afterAlice);
        rename(BOB, id, reread, "Bob's name").then().statusCode(200).body("provider.name", equalTo("Bob's name"));
    }

    @Test
    void readsAnswer304WhileTheETagHoldsAndWritesWithoutIfMatchWorkAsBefore() {
        String id = register();
        String tag = etagOf(ALICE, id);
        given().auth().oauth2(ALICE).header("If-None-Match", tag).get("/api/providers/{id}", id)
                .then().statusCode(304).header("ETag", tag);
        given().auth().oauth2(ALICE).header("If-None-Match", "W/" + tag + ", \"provider-x\"")
                .get("/api/providers/{id}", id).then().statusCode(304);

        String after = rename(ALICE, id, null, "No If-Match").then().statusCode(200).extract().header("ETag");
        assertThat(after).isNotEqualTo(tag);
        given().auth().oauth2(ALICE).header("If-None-Match", tag).get("/api/providers/{id}", id)
                .then().statusCode(200).header("ETag", after);
        rename(ALICE, id, "*", "Any version").then().statusCode(200);
        rename(ALICE, id, "\"provider-0\", " + etagOf(ALICE, id), "One of the list").then().statusCode(200);
        // If-Match compares strongly: a weak tag never matches
        rename(ALICE, id, "W/" + etagOf(ALICE, id), "weak").then().statusCode(412);
    }

    @Test
    void aMalformedIfMatchIsA400AndChangesNothing() {
        String id = register();
        String tag = etagOf(ALICE, id);
        for (String bad : List.of("provider-1", "\"unclosed", "\"a\" \"b\"", "\"a\"; x", ",")) {
            rename(ALICE, id, bad, "never").then().statusCode(400)
                    .body("type", equalTo("https://teamscpe.io/problems/malformed-if-match"));
        }
        assertThat(etagOf(ALICE, id)).isEqualTo(tag);
    }

    @Test
    void aStaleDeleteIsRefusedAndTheCurrentOneDeletes() {
        String id = register();
        String read = etagOf(BOB, id);
        rename(ALICE, id, read, "renamed first").then().statusCode(200);
        given().auth().oauth2(BOB).header("If-Match", read).delete("/api/providers/{id}", id)
                .then().statusCode(412).body("type", equalTo("https://teamscpe.io/problems/edit-conflict"));
        given().auth().oauth2(BOB).header("If-Match", etagOf(BOB, id)).delete("/api/providers/{id}", id)
                .then().statusCode(204);
    }

    @Test
    void twoWritesAtOnceWithTheSameETagExactlyOneWins() {
        String id = register();
        String read = etagOf(ALICE, id);
        var alice = CompletableFuture.supplyAsync(() -> rename(ALICE, id, read, "Alice at once").statusCode());
        var bob = CompletableFuture.supplyAsync(() -> rename(BOB, id, read, "Bob at once").statusCode());
        assertThat(List.of(alice.join(), bob.join())).containsExactlyInAnyOrder(200, 412);
    }

    private static String register() {
        return ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, null);
    }

    private static String etagOf(String token, String id) {
        return given().auth().oauth2(token).get("/api/providers/{id}", id).then().statusCode(200)
                .extract().header("ETag");
    }

    private static Response rename(String token, String id, String ifMatch, String name) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", name));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/providers/{id}", id);
    }
}
