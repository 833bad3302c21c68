package io.teamscpe.architecture.problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/problems.md read back: one section per module (its heading names the module in backticks), one table row per
 * problem type: slug, title, status(es), when it happens, what the user should do.
 */
public final class ProblemCatalogue {
    /** One row of the catalogue; {@code statuses} as written ("409", "422, 424", "varies"). */
    public record Entry(String module, String slug, String title, List<String> statuses, String when, String todo,
                        int line) {
        public List<String> keys() {
            return statuses.stream().map(s -> slug + " " + s).toList();
        }
    }

    private ProblemCatalogue() {
    }

    public static List<Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        String module = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                module = ProblemTypes.MODULES.stream().filter(m -> line.contains("`" + m + "`")).findFirst()
                        .orElse(null);
            } else if (module != null && line.startsWith("| `")) {
                entries.add(entry(module, line, i + 1));
            }
        }
        return entries;
    }

    /** Entries by module, in the order of {@link ProblemTypes#MODULES}. */
    public static Map<String, List<Entry>> byModule(List<Entry> entries) {
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        ProblemTypes.MODULES.forEach(m -> out.put(m, new ArrayList<>()));
        entries.forEach(e -> out.get(e.module()).add(e));
        return out;
    }

    private static Entry entry(String module, String line, int number) {
        String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
        if (cells.length != 5) {
            throw new AssertionError("docs/problems.md:" + number + ": a row has 5 cells (type | title | status | "
                    + "when it happens | what the user should do), this one " + cells.length);
        }
        String slug = cells[0].trim().replace("`", "");
        List<String> statuses = List.of(cells[2].trim().split("\\s*,\\s*"));
        return new Entry(module, slug, cells[1].trim(), statuses, cells[3].trim(), cells[4].trim(), number);
    }
}
