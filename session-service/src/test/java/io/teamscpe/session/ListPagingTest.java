package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lists of session-service (sessions, rulesets, a roster) paged the one way: Link next walks every item once,
 * X-Total-Count and the body's totals agree, sort orders, every session filter, and refusals as problems.
 */
@QuarkusTest
class ListPagingTest {
    @Inject
    ObjectMapper json;
    private static final String FIRM = "firm-lists";
    /** Titles in start order (Nov 1 to 7); all but the last are cancelled, so the one meeting serves them all. */
    private static final List<String> TITLES = List.of("Gamma ethics", "alpha tax", "Delta audit", "beta ethics",
            "Epsilon audit", "zeta tax", "Eta ethics");
    private static final List<String> IDS = new ArrayList<>();

    @BeforeEach
    void sessions() {
        Scenarios.demo();
        if (!IDS.isEmpty()) {
            return;
        }
        for (int i = 0; i < TITLES.size(); i++) {
            Map<String, Object> body = SessionApiTest.body(DemoScenario.JOIN_URL);
            Instant start = Instant.parse("2026-11-01T15:00:00Z").plusSeconds(86_400L * i);
            body.put("title", TITLES.get(i));
            body.put("description", i == 2 ? "Covers 100% of the AUDIT_rules" : "A course");
            body.put("scheduledStart", start.toString());
            body.put("scheduledEnd", start.plusSeconds(3600).toString());
            String id = given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(body)
                    .post("/api/sessions").then().statusCode(201).extract().path("id");
            if (i < TITLES.size() - 1) {
                given().auth().oauth2(Tokens.admin(FIRM)).delete("/api/sessions/{id}", id).then().statusCode(200);
            }
            IDS.add(id);
        }
    }

    @Test
    void linkNextWalksEverySessionOnceWithTheTotals() {
        List<Api.Reply> pages = api().pages(base() + "/api/sessions?size=3");
        assertThat(pages).hasSize(3);
        List<String> walked = new ArrayList<>();
        for (Api.Reply page : pages) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("X-Total-Count")).isEqualTo("7");
            assertThat(page.body().path("total").asInt()).isEqualTo(7);
            assertThat(Api.link(page.header("Link"), "first")).isEqualTo("/api/sessions?page=0&size=3");
            assertThat(Api.link(page.header("Link"), "last")).isEqualTo("/api/sessions?page=2&size=3");
            walked.addAll(texts(page.body().path("items"), "id"));
        }
        assertThat(walked).isEqualTo(IDS);
        assertThat(Api.link(pages.get(0).header("Link"), "prev")).isNull();
        assertThat(Api.link(pages.get(1).header("Link"), "prev")).isEqualTo("/api/sessions?page=0&size=3");
        assertThat(Api.link(pages.get(2).header("Link"), "next")).isNull();

        // the filters and the sort travel in the links
        List<Api.Reply> cancelled = api().pages(base() + "/api/sessions?status=CANCELLED&sort=title,desc&size=4");
        assertThat(Api.link(cancelled.get(0).header("Link"), "next"))
                .isEqualTo("/api/sessions?status=CANCELLED&sort=title%2Cdesc&page=1&size=4");
        List<String> titles = cancelled.stream().flatMap(p -> texts(p.body().path("items"), "title").stream())
                .toList();
        assertThat(titles).isEqualTo(TITLES.subList(0, 6).stream()
                .sorted(Comparator.comparing((String t) -> t.toLowerCase(Locale.ROOT)).reversed()).toList());
        assertThat(cancelled.get(1).header("X-Total-Count")).isEqualTo("6");
    }

    @Test
    void sessionsSortByTheListedFields() {
        List<String> reversed = new ArrayList<>(IDS);
        java.util.Collections.reverse(reversed);
        assertThat(ids("sort=scheduledStart,desc")).isEqualTo(reversed);
        assertThat(ids("sort=scheduledEnd")).isEqualTo(IDS);
        assertThat(texts(list("sort=title").path("items"), "title")).isEqualTo(TITLES.stream()
                .sorted(Comparator.comparing(t -> t.toLowerCase(Locale.ROOT))).toList());
        assertThat(texts(list("sort=status,desc").path("items"), "status").get(0)).isEqualTo("SCHEDULED");
    }

    @Test
    void eachFilterAndTheirCombination() {
        assertThat(ids("from=2026-11-03&to=2026-11-04")).isEqualTo(IDS.subList(2, 4));
        assertThat(ids("from=2026-11-03T15:00:00Z&to=2026-11-04T15:00:00Z")).isEqualTo(IDS.subList(2, 3));
        assertThat(ids("to=2026-11-01T18:00:00%2B02:00")).isEqualTo(IDS.subList(0, 1));
        assertThat(ids("status=SCHEDULED")).isEqualTo(IDS.subList(6, 7));
        assertThat(ids("status=CANCELLED")).isEqualTo(IDS.subList(0, 6));
        assertThat(ids("organizer=" + DemoScenario.ORGANIZER_ID.toUpperCase(Locale.ROOT))).isEqualTo(IDS);
        assertThat(ids("organizer=0b0c0d0e-0000-4000-8000-000000000000")).isEmpty();
        assertThat(ids("q=ETHICS")).isEqualTo(List.of(IDS.get(0), IDS.get(3), IDS.get(6)));
        assertThat(ids("q=100%25")).as("a description, % taken literally").isEqualTo(IDS.subList(2, 3));
        assertThat(ids("q=audit_")).as("_ taken literally").isEqualTo(IDS.subList(2, 3));
        assertThat(ids("q=%25")).isEqualTo(IDS.subList(2, 3));
        assertThat(ids("q=ethics&status=CANCELLED&from=2026-11-02&organizer=" + DemoScenario.ORGANIZER_ID))
                .isEqualTo(IDS.subList(3, 4));
        JsonNode none = list("q=nowhere");
        assertThat(none.path("total").asInt()).isZero();
    }

    @Test
    void rulesetsAndARosterArePagedTheSameWay() {
        JsonNode all = list("/api/rulesets", "");
        int count = all.path("items").size();
        assertThat(count).isGreaterThan(1);
        List<Api.Reply> pages = api().pages(base() + "/api/rulesets?size=1");
        assertThat(pages).hasSize(count);
        assertThat(pages.stream().flatMap(p -> texts(p.body().path("items"), "id").stream()).toList())
                .isEqualTo(texts(all.path("items"), "id"));
        assertThat(pages).allSatisfy(p -> assertThat(p.header("X-Total-Count")).isEqualTo(String.valueOf(count)));
        assertThat(texts(list("/api/rulesets", "sort=name,desc").path("items"), "name"))
                .isEqualTo(texts(all.path("items"), "name").stream()
                        .sorted(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).reversed()).toList());

        String session = IDS.get(6);
        EnrollmentApiTest.replace(FIRM, session, IntStream.rangeClosed(1, 25).mapToObj(i -> EnrollmentApiTest
                .person(String.format("lms-%02d", i), String.format("pro%02d@firm.test", 26 - i))).toList());
        List<Api.Reply> roster = api().pages(base() + "/api/sessions/" + session + "/enrollments?size=10");
        assertThat(roster).hasSize(3).allSatisfy(p -> {
            assertThat(p.header("X-Total-Count")).isEqualTo("25");
            assertThat(p.body().path("enrolled").asInt()).isEqualTo(25);
        });
        assertThat(roster.stream().flatMap(p -> texts(p.body().path("enrollees"), "lmsId").stream()).toList())
                .isEqualTo(IntStream.rangeClosed(1, 25).mapToObj(i -> String.format("lms-%02d", i)).toList());
        assertThat(texts(list("/api/sessions/" + session + "/enrollments", "sort=email&size=3").path("enrollees"),
                "lmsId")).containsExactly("lms-25", "lms-24", "lms-23");
    }

    @Test
    void pagesSizesAndSortsOutOfRangeAreProblems() {
        for (String path : List.of("/api/sessions", "/api/rulesets", "/api/sessions/" + IDS.get(6) + "/enrollments")) {
            for (String query : List.of("page=-1", "page=1000001", "size=0", "size=1001")) {
                refused(path + "?" + query, "invalid-page").body("detail", containsString("must be from"));
            }
            refused(path + "?sort=nope", "invalid-sort").body("detail", containsString("nope"));
            refused(path + "?sort=id,sideways", "invalid-sort");
            refused(path + "?page=abc", "invalid-parameter");
        }
        refused("/api/sessions?sort=nope", "invalid-sort")
                .body("allowed", equalTo(List.of("scheduledStart", "scheduledEnd", "title", "status")));
        refused("/api/sessions?size=1001", "invalid-page").body("parameter", equalTo("size"))
                .body("maximum", equalTo(1000));
        refused("/api/sessions?from=yesterday", "invalid-parameter").body("detail", containsString("from"));
        refused("/api/sessions?to=2026-02-30", "invalid-parameter");
        refused("/api/sessions?q=" + "x".repeat(201), "validation-failed");
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/sessions?page=1000000&size=1000").then()
                .statusCode(200).header("X-Total-Count", "7").body("items", empty());
    }

    private static io.restassured.response.ValidatableResponse refused(String url, String type) {
        return given().auth().oauth2(Tokens.admin(FIRM)).urlEncodingEnabled(false).get(url).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/" + type));
    }

    private List<String> ids(String query) {
        return texts(list(query).path("items"), "id");
    }

    private JsonNode list(String query) {
        return list("/api/sessions", query);
    }

    private JsonNode list(String path, String query) {
        Api.Reply reply = api().get(base() + path + "?" + query).expect(200);
        return reply.body();
    }

    private static List<String> texts(JsonNode items, String field) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.path(field).asText()).toList();
    }

    private Api api() {
        return new Api(json, Tokens.admin(FIRM));
    }

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }
}
