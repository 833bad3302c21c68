package io.teamscpe.deploy.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docs/problems.md read back for the contract checks: one section per module (the heading names it in backticks:
 * {@code platform} or a service), one table row per problem type: slug, title, status(es). The rows themselves are
 * checked against the code by architecture-checks' ProblemCatalogueTest; here they say which {@code type} URIs and
 * statuses an operation of a service may document.
 */
public final class ProblemCatalogue {
    public static final Path FILE = Repo.ROOT.resolve("docs/problems.md");
    public static final String TYPE_BASE = "https://teamscpe.io/problems/";
    public static final String PLATFORM = "platform";

    /** One row: the module whose table holds it, the slug (http-{status} as written), its statuses as written. */
    public record Entry(String module, String slug, String title, List<String> statuses) {
        /** Whether this row names {@code slug} answered with {@code status}. */
        public boolean matches(String otherSlug, int status) {
            if (slug.contains("{status}")) {
                return otherSlug.equals(slug.replace("{status}", String.valueOf(status)));
            }
            return slug.equals(otherSlug) && (statuses.contains(String.valueOf(status)) || statuses.contains("varies"));
        }
    }

    private final List<Entry> entries;

    private ProblemCatalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ProblemCatalogue read() {
        return parse(Yaml.read(FILE));
    }

    public static ProblemCatalogue parse(String markdown) {
        List<Entry> entries = new ArrayList<>();
        List<String> modules = new ArrayList<>(List.of(PLATFORM));
        for (SuiteService s : SuiteService.values()) {
            modules.add(s.serviceName);
        }
        String module = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                module = modules.stream().filter(m -> line.contains("`" + m + "`")).findFirst().orElse(null);
            } else if (module != null && line.startsWith("| `")) {
                String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
                entries.add(new Entry(module, cells[0].trim().replace("`", ""), cells[1].trim(),
                        List.of(cells[2].trim().split("\\s*,\\s*"))));
            }
        }
        return new ProblemCatalogue(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The row a service's operation answering {@code slug} with {@code status} stands for: its own, else platform's. */
    public Optional<Entry> find(String service, String slug, int status) {
        return entries.stream().filter(e -> e.module().equals(service) && e.matches(slug, status)).findFirst()
                .or(() -> entries.stream().filter(e -> e.module().equals(PLATFORM) && e.matches(slug, status))
                        .findFirst());
    }

    /** Rows by module, platform first. */
    public Map<String, List<Entry>> byModule() {
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        entries.forEach(e -> out.computeIfAbsent(e.module(), m -> new ArrayList<>()).add(e));
        return out;
    }
}
