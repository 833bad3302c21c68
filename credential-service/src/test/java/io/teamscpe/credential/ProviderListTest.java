package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.teamscpe.devstack.demo.Api;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The firm's providers a page at a time: Link next walks each once, X-Total-Count, sort, refusals. */
@QuarkusTest
class ProviderListTest {
    private static final String FIRM = "firm-provider-list";

    @Inject
    ObjectMapper json;

    @Test
    void providersArePagedSortedAndCounted() {
        List<String> ids = new ArrayList<>();
        List<String> expiries = List.of("2029-03-01", "2027-01-01", "2030-12-31", "2028-06-15", "2026-12-01");
        for (String expiry : expiries) {
            ids.add(ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, UUID.randomUUID().toString(),
                    "secret-" + expiry, expiry));
        }
        Api api = new Api(json, Tokens.admin(FIRM));
        String base = RestAssured.baseURI + ":" + RestAssured.port + "/api/providers";
        List<Api.Reply> pages = api.pages(base + "?size=2");
        assertThat(pages).hasSize(3).allSatisfy(p -> assertThat(p.header("X-Total-Count")).isEqualTo("5"));
        assertThat(pages.stream().flatMap(p -> ids(p.body()).stream()).toList()).isEqualTo(ids);
        assertThat(Api.link(pages.get(1).header("Link"), "next")).isEqualTo("/api/providers?page=2&size=2");

        assertThat(StreamSupport.stream(api.get(base + "?sort=secretExpiresOn,desc").expect(200).body()
                .spliterator(), false).map(p -> p.path("secretExpiresOn").asText()).toList())
                .isEqualTo(expiries.stream().sorted(java.util.Comparator.reverseOrder()).toList());
        // the body stays the array existing clients read; without parameters the first 100
        assertThat(api.get(base).expect(200).body().isArray()).isTrue();

        given().auth().oauth2(Tokens.admin(FIRM)).delete("/api/providers/{id}", ids.get(0)).then().statusCode(204);
        assertThat(ids(api.getAll(base + "?size=1", null).expect(200).body())).isEqualTo(ids.subList(1, 5));
        assertThat(api.get(base + "?size=1").header("X-Total-Count")).isEqualTo("4");

        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers?sort=clientSecret").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/invalid-sort"))
                .body("allowed", equalTo(List.of("createdAt", "name", "status", "secretExpiresOn")));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers?size=5000").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/invalid-page"));
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(p -> p.path("id").asText()).toList();
    }
}
