package io.teamscpe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The Completion report's rows a page at a time, the summary whole on every page: Link next walks each row once,
 * X-Total-Count counts the rows, one ETag for every page of a version, sort orders, refusals.
 */
@QuarkusTest
class CompletionPagingTest {
    private static final String FIRM = "firm-completion-pages";

    @Inject
    ObjectMapper json;

    @Test
    void rowsArePagedSortedAndCountedWithTheSummaryWhole() {
        Feed feed = new Feed(FIRM, json);
        feed.session();
        String[] names = {"Gus Grant", "ann Archer", "Eve Evans", "bob Baker", "Dan Drew", "Fay Ford", "Cat Cole"};
        List<Enrollee> roster = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            roster.add(new Enrollee("p" + i, "p" + i + "@firm.test", List.of(), names[i]));
        }
        feed.roster(roster.toArray(Enrollee[]::new));
        for (int i = 0; i < names.length; i++) {
            feed.attendee("oid-" + i, "p" + i + "@firm.test", names[i], false, new int[] {0, 10 * (i + 1)});
        }
        String snapshot = feed.publishAttendance();
        Api api = new Api(json, Tokens.admin(FIRM));
        String url = RestAssured.baseURI + ":" + RestAssured.port + "/api/sessions/" + feed.sessionId
                + "/completion";
        JsonNode whole = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> api.get(url),
                r -> r.status() == 200 && r.body().path("freshness").path("attendanceSnapshotId").asText()
                        .equals(snapshot) && r.body().path("freshness").path("enrolled").asInt() == names.length
                        && !r.body().path("ruleset").isNull() && r.body().path("rows").size() == names.length)
                .body();
        List<String> order = ids(whole.path("rows"));

        List<Api.Reply> pages = api.pages(url + "?size=3");
        assertThat(pages).hasSize(3).allSatisfy(p -> {
            assertThat(p.header("X-Total-Count")).isEqualTo("7");
            assertThat(p.header("ETag")).isEqualTo(pages.get(0).header("ETag"));
            assertThat(p.body().path("freshness")).isEqualTo(whole.path("freshness"));
            assertThat(p.body().path("sessionId").asText()).isEqualTo(feed.sessionId);
        });
        assertThat(pages.stream().flatMap(p -> ids(p.body().path("rows")).stream()).toList()).isEqualTo(order);
        assertThat(api.getAll(url + "?size=2", "rows").body()).isEqualTo(whole);

        assertThat(StreamSupport.stream(api.get(url + "?sort=minutesPresent,desc&size=3").expect(200).body()
                .path("rows").spliterator(), false).map(r -> r.path("minutesPresent").asInt()).toList())
                .containsExactly(70, 60, 50);
        assertThat(StreamSupport.stream(api.get(url + "?sort=displayName").expect(200).body().path("rows")
                .spliterator(), false).map(r -> r.path("displayName").asText()).toList())
                .isEqualTo(IntStream.range(0, names.length).mapToObj(i -> names[i])
                        .sorted(Comparator.comparing(String::toLowerCase)).toList());

        String etag = pages.get(1).header("ETag");
        given().auth().oauth2(Tokens.admin(FIRM)).header("If-None-Match", etag)
                .get("/api/sessions/{id}/completion?page=1&size=3", feed.sessionId).then().statusCode(304);
        given().auth().oauth2(Tokens.admin(FIRM)).header("Accept-Encoding", "gzip")
                .get("/api/sessions/{id}/completion?page=2&size=3", feed.sessionId).then().statusCode(200)
                .header("Content-Encoding", "gzip").header("X-Total-Count", "7")
                .body("rows.participantId", equalTo(order.subList(6, 7)));

        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion?sort=reason", feed.sessionId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/invalid-sort"));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions/{id}/completion?size=0", feed.sessionId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/invalid-page"));
    }

    private static List<String> ids(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> r.path("participantId").asText()).toList();
    }
}
