package io.teamscpe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.platform.problem.ProblemException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageRequestTest {
    private static final List<String> FIELDS = List.of("name", "createdAt");

    @Test
    void defaultsAndRanges() {
        PageRequest whole = PageRequest.of(null, null, "name", FIELDS);
        assertThat(whole.whole()).as("a v1 client naming neither page nor size reads the whole list").isTrue();
        assertThat(whole.slice(List.of("a", "b", "c"))).containsExactly("a", "b", "c");
        assertThat(PageRequest.of(0, null, null, FIELDS)).isEqualTo(new PageRequest(0, 100, null));
        assertThat(PageRequest.of(null, 7, null, FIELDS)).isEqualTo(new PageRequest(0, 7, null));
        assertThat(PageRequest.of(0, 1000, null, FIELDS).whole()).isFalse();
        assertThat(PageRequest.of(1_000_000, 1000, " ", FIELDS).offset()).isEqualTo(1_000_000_000L);
        for (int[] bad : new int[][] {{-1, 10}, {1_000_001, 10}, {0, 0}, {0, 1001}}) {
            assertThatThrownBy(() -> PageRequest.of(bad[0], bad[1], null, FIELDS))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.toProblem("/x").type()).endsWith("/invalid-page");
                        assertThat(e.getMessage()).contains("must be from");
                    });
        }
    }

    @Test
    void sortIsOneOfTheListedFieldsWithADirection() {
        assertThat(PageRequest.of(0, 5, "name", FIELDS).sort()).isEqualTo(new PageRequest.Sort("name", false));
        assertThat(PageRequest.of(0, 5, "createdAt,DESC", FIELDS).sort())
                .isEqualTo(new PageRequest.Sort("createdAt", true));
        for (String bad : List.of("nope", "name,sideways", "name;drop table", ",desc")) {
            assertThatThrownBy(() -> PageRequest.of(0, 5, bad, FIELDS))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.toProblem("/x").type()).endsWith("/invalid-sort");
                        assertThat(e.toProblem("/x").extensionMembers()).containsEntry("allowed", FIELDS);
                        assertThat(e.getMessage()).contains("name, createdAt");
                    });
        }
    }

    @Test
    void slicesAndOrders() {
        List<String> all = List.of("b", "a", "c", "d", "e");
        assertThat(PageRequest.of(1, 2, null, FIELDS).slice(all)).containsExactly("c", "d");
        assertThat(PageRequest.of(2, 2, null, FIELDS).slice(all)).containsExactly("e");
        assertThat(PageRequest.of(9, 2, null, FIELDS).slice(all)).isEmpty();
        Map<String, Comparator<String>> orders = Map.of("name", Comparator.naturalOrder(),
                "createdAt", Comparator.naturalOrder());
        assertThat(PageRequest.of(0, 3, "name,desc", FIELDS).slice(all, orders)).containsExactly("e", "d", "c");
        assertThat(PageRequest.of(0, 3, null, FIELDS).slice(all, orders)).containsExactly("b", "a", "c");
        Map<String, String> sql = Map.of("name", "lower(name)", "createdAt", "createdAt");
        assertThat(PageRequest.of(0, 3, "name,desc", FIELDS).orderBy(sql, "createdAt", "id"))
                .isEqualTo(" order by lower(name) desc, id");
        assertThat(PageRequest.of(0, 3, null, FIELDS).orderBy(sql, "createdAt", "id"))
                .isEqualTo(" order by createdAt, id");
    }

    @Test
    void linksKeepTheFiltersAndNameEveryPage() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("q", List.of("a>b, c"));
        query.put("page", List.of("1"));
        query.put("sort", List.of("name,desc"));
        String links = PageLinks.links("/api/sessions", query, PageRequest.of(1, 10, null, FIELDS), 25);
        assertThat(links).isEqualTo("</api/sessions?q=a%3Eb%2C%20c&sort=name%2Cdesc&page=0&size=10>; rel=\"first\", "
                + "</api/sessions?q=a%3Eb%2C%20c&sort=name%2Cdesc&page=0&size=10>; rel=\"prev\", "
                + "</api/sessions?q=a%3Eb%2C%20c&sort=name%2Cdesc&page=2&size=10>; rel=\"next\", "
                + "</api/sessions?q=a%3Eb%2C%20c&sort=name%2Cdesc&page=2&size=10>; rel=\"last\"");
        assertThat(PageLinks.links("/api/x", Map.of(), PageRequest.of(0, 10, null, FIELDS), 0))
                .isEqualTo("</api/x?page=0&size=10>; rel=\"first\", </api/x?page=0&size=10>; rel=\"last\"");
        // past the end: prev leads back to the last page
        assertThat(PageLinks.links("/api/x", Map.of(), PageRequest.of(7, 10, null, FIELDS), 15))
                .contains("</api/x?page=1&size=10>; rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void timeFiltersTakeDatesAndInstants() {
        assertThat(QueryInstants.from("from", "2026-10-05")).isEqualTo(Instant.parse("2026-10-05T00:00:00Z"));
        assertThat(QueryInstants.until("to", "2026-10-05")).isEqualTo(Instant.parse("2026-10-06T00:00:00Z"));
        assertThat(QueryInstants.until("to", "2026-10-05T12:00:00+02:00"))
                .isEqualTo(Instant.parse("2026-10-05T10:00:00Z"));
        assertThat(QueryInstants.from("from", " ")).isNull();
        assertThat(QueryInstants.from("from", "+1000000000-01-01T00:00:00Z")).isNotNull();
        for (String bad : List.of("yesterday", "2026-13-01", "2026-10-05T25:00:00Z", "2026-10-05T10:00:00")) {
            assertThatThrownBy(() -> QueryInstants.from("from", bad)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.toProblem("/x").type()).endsWith("/invalid-parameter"));
        }
    }
}
