package io.teamscpe.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.architecture.problems.ProblemCatalogue;
import io.teamscpe.architecture.problems.ProblemTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/problems.md lists exactly the problem types the code raises: every slug and status platform or a service
 * constructs is in the catalogue (platform's section covers every service), and every row is still raised.
 */
class ProblemCatalogueTest {
    private static final Path REPO = Path.of("..");
    private static final ProblemTypes.Scan CODE = ProblemTypes.scan(REPO);
    private static final List<ProblemCatalogue.Entry> CATALOGUE = ProblemCatalogue.read(REPO.resolve("docs/problems.md"));

    @Test
    void theScanReadsEveryProblemTheCodeConstructs() {
        assertThat(CODE.unreadable()).as("problem constructions whose slug or status ProblemTypes cannot read: "
                + "use a literal (or a static final String) and a status literal, or teach ProblemTypes the form")
                .isEmpty();
        // the scan itself works: well-known types of each service are found
        assertThat(keys(CODE.uses(), "session-service")).contains("join-url-in-use 409", "launch-not-open 409");
        assertThat(keys(CODE.uses(), "polling-service")).contains("poll-file-in-another-session 422");
        assertThat(keys(CODE.uses(), "reporting-service")).contains("override-above-maximum 422");
        assertThat(keys(CODE.uses(), "platform")).contains("not-found 404", "http-{status} varies");
        assertThat(CODE.uses()).hasSizeGreaterThan(100);
    }

    @Test
    void everyProblemTheCodeRaisesIsInTheCatalogue() {
        Map<String, List<ProblemCatalogue.Entry>> listed = ProblemCatalogue.byModule(CATALOGUE);
        Set<String> everyService = listed.get("platform").stream().flatMap(e -> e.keys().stream())
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (ProblemTypes.Use use : CODE.uses()) {
            boolean inOwnSection = listed.get(use.module()).stream().anyMatch(e -> e.keys().contains(use.key()));
            boolean shared = !use.module().equals("platform") && everyService.contains(use.key());
            if (!inOwnSection && !shared) {
                missing.add(use.key() + " (" + use.where() + ")");
            }
        }
        assertThat(missing).as("problem types the code raises that docs/problems.md does not list in the module's "
                + "section (or platform's): add a row with title, status, when it happens and what to do").isEmpty();
    }

    @Test
    void theCatalogueListsNothingTheCodeNoLongerRaises() {
        List<String> stale = new ArrayList<>();
        for (ProblemCatalogue.Entry e : CATALOGUE) {
            Set<String> raised = keys(CODE.uses(), e.module());
            e.keys().stream().filter(k -> !raised.contains(k))
                    .forEach(k -> stale.add(k + " (docs/problems.md:" + e.line() + ", section " + e.module() + ")"));
        }
        assertThat(stale).as("docs/problems.md rows whose slug and status the module no longer raises").isEmpty();
    }

    @Test
    void everyEntrySaysWhatItIsWhenAndWhatToDo() {
        assertThat(CATALOGUE).hasSizeGreaterThan(50).allSatisfy(e -> {
            assertThat(e.slug()).as("line " + e.line()).matches("[a-z0-9]+(-[a-z0-9]+)*(-\\{status})?");
            assertThat(e.title()).as("title, line " + e.line()).isNotBlank();
            assertThat(e.when()).as("when it happens, line " + e.line()).isNotBlank();
            assertThat(e.todo()).as("what the user should do, line " + e.line()).isNotBlank();
            assertThat(e.statuses()).as("status, line " + e.line()).allMatch(s -> s.matches("[1-5]\\d\\d|varies"));
        });
        List<String> twice = CATALOGUE.stream().collect(Collectors.groupingBy(e -> e.module() + " " + e.slug(),
                Collectors.counting())).entrySet().stream().filter(c -> c.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        assertThat(twice).as("a slug listed twice in one section (list its statuses in one row)").isEmpty();
    }

    @Test
    void theReadmeLinksTheCatalogue() throws Exception {
        assertThat(java.nio.file.Files.readString(REPO.resolve("README.md"))).contains("(docs/problems.md)");
    }

    private static Set<String> keys(List<ProblemTypes.Use> uses, String module) {
        return uses.stream().filter(u -> u.module().equals(module)).map(ProblemTypes.Use::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
