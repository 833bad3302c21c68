package io.teamscpe.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.teamscpe.devstack.quarkus.Tokens;
import org.junit.jupiter.api.Test;

/** Paging values a careless or hostile client sends are refused with a problem, never a 500. */
@QuarkusTest
class SessionListParamsTest {
    static final String FIRM = "firm-paging";

    @Test
    void hugeNegativeAndNonNumericPagesAreRefused() {
        for (String page : new String[] {"2147483647", "1000001", "-1", "abc", "1e3"}) {
            given().auth().oauth2(Tokens.admin(FIRM)).queryParam("page", page).get("/api/sessions")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        for (String size : new String[] {"0", "1001", "2147483647", "-5", "x"}) {
            given().auth().oauth2(Tokens.admin(FIRM)).queryParam("size", size).get("/api/sessions")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void theLastAllowedPageIsSimplyEmpty() {
        given().auth().oauth2(Tokens.admin(FIRM)).queryParam("page", 1_000_000).queryParam("size", 1000)
                .get("/api/sessions").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aMalformedDateIsRefused() {
        given().auth().oauth2(Tokens.admin(FIRM)).queryParam("from", "yesterday").get("/api/sessions")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin(FIRM)).queryParam("status", "NOPE").get("/api/sessions")
                .then().statusCode(400).body("status", equalTo(400));
    }
}
