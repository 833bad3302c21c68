package io.teamscpe.polling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.polling.Fixtures.Part;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** A session's polls a page at a time: Link next walks each once, X-Total-Count, sort, refusals. */
@QuarkusTest
class PollListTest {
    @Inject
    ObjectMapper json;

    @Test
    void pollsArePagedSortedAndCounted() {
        String firm = "firm-poll-list";
        String session = Fixtures.session(json, firm);
        List<String> questions = List.of("What does ASC 606 govern?", "Agreed-upon procedures: who signs?",
                "Is a lease a contract?");
        for (int i = 0; i < questions.size(); i++) {
            FormsExports poll = FormsExports.poll(questions.get(i));
            for (int r = 0; r <= (i + 1) % 3; r++) {
                poll = poll.response("pro" + r + "@contoso.com", "Pro " + r, "Yes",
                        Fixtures.LOCAL_START.plusMinutes(10 + r));
            }
            Fixtures.upload(firm, session, new Part("poll-" + i + ".xlsx", poll.xlsx())).then().statusCode(201);
        }
        Api api = new Api(json, Tokens.admin(firm));
        String url = RestAssured.baseURI + ":" + RestAssured.port + "/api/sessions/" + session + "/polls";
        List<Api.Reply> pages = api.pages(url + "?size=1");
        assertThat(pages).hasSize(3).allSatisfy(p -> {
            assertThat(p.header("X-Total-Count")).isEqualTo("3");
            assertThat(p.body().path("sessionId").asText()).isEqualTo(session);
        });
        assertThat(pages.stream().map(p -> p.body().path("polls").get(0).path("question").asText()).toList())
                .isEqualTo(questions);
        assertThat(Api.link(pages.get(0).header("Link"), "last"))
                .isEqualTo("/api/sessions/" + session + "/polls?page=2&size=1");

        assertThat(questions(api.get(url + "?sort=question").expect(200).body().path("polls")))
                .containsExactly(questions.get(1), questions.get(2), questions.get(0));
        assertThat(questions(api.get(url + "?sort=responseCount,desc").expect(200).body().path("polls")))
                .containsExactly(questions.get(1), questions.get(0), questions.get(2));

        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls?sort=sha256", session).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/invalid-sort"));
        given().auth().oauth2(Tokens.admin(firm)).get("/api/sessions/{id}/polls?page=-3", session).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/invalid-page"));
    }

    private static List<String> questions(com.fasterxml.jackson.databind.JsonNode polls) {
        return StreamSupport.stream(polls.spliterator(), false).map(p -> p.path("question").asText()).toList();
    }
}
