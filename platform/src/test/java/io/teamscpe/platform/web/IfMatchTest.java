package io.teamscpe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.platform.problem.Problem;
import io.teamscpe.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {
    private static final ETag CURRENT = new ETag("session", 7);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null                                  | true",
        "*                                     | true",
        "'  * '                                | true",
        "\"session-7\"                         | true",
        "\"session-6\", \"session-7\"          | true",
        "'\"session-6\" ,\t\"session-7\" '     | true",
        "\"session-6\"                         | false",
        "W/\"session-7\"                       | false",
        "\"roster-7\"                          | false",
        "\"\"                                  | false"})
    void comparesStrongly(String header, boolean matches) {
        assertThat(IfMatch.parse(header).matches(CURRENT)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"session-7", "\"session-7", "\"a\" \"b\"", "\"a\";b", ",", " ", "W/", "W/session-7",
        "\"a b\"", "\"tab\there\"", "**"})
    void aValueThatIsNoEntityTagListIsA400(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header)).isInstanceOfSatisfying(ProblemException.class, e -> {
            Problem p = e.toProblem("/x");
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.type()).isEqualTo(Problem.TYPE_BASE + "malformed-if-match");
        });
    }

    @Test
    void aStaleTagIsA412NamingTheCurrentOne() {
        assertThatThrownBy(() -> IfMatch.parse("\"session-6\"").require(CURRENT, "session"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    Problem p = e.toProblem("/api/sessions/1");
                    assertThat(p.status()).isEqualTo(412);
                    assertThat(p.type()).isEqualTo(Problem.TYPE_BASE + "edit-conflict");
                    assertThat(p.extensionMembers()).containsEntry("currentETag", "\"session-7\"");
                    assertThat(p.detail()).contains("\"session-6\"", "\"session-7\"", "reload");
                });
        IfMatch.ABSENT.require(CURRENT, "session");
        assertThat(IfMatch.ABSENT.present()).isFalse();
        assertThat(IfMatch.parse("W/\"session-7\"").present()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "W/\"completion-7\"                     | true",
        "\"completion-7\"                       | true",
        "W/\"completion-6\", W/\"completion-7\" | true",
        "*                                      | true",
        "W/\"completion-6\"                     | false",
        "not a tag                              | false",
        "null                                   | false"})
    void ifNoneMatchComparesWeakly(String header, boolean matches) {
        assertThat(ETagged.noneMatchNames(header, "completion-7")).isEqualTo(matches);
    }

    @Test
    void anETagIsItsKindAndVersionQuoted() {
        assertThat(new ETag("roster", 3).header()).isEqualTo("\"roster-3\"");
        assertThat(new ETag("roster", 3).entityTag().isWeak()).isFalse();
    }
}
