package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** The demo's completion report as a short, readable text. */
final class Summary {
    private Summary() {
    }

    static String of(DemoFlow.Result r) {
        JsonNode c = r.completion();
        JsonNode rows = c.path("rows");
        Map<BigDecimal, Integer> byCredit = new TreeMap<>(java.util.Comparator.reverseOrder());
        long minutes = 0;
        for (JsonNode row : rows) {
            byCredit.merge(row.path("suggestedCredit").decimalValue().stripTrailingZeros(), 1, Integer::sum);
            minutes += row.path("minutesPresent").asLong();
        }
        StringBuilder out = new StringBuilder();
        out.append("Demo: \"").append(c.path("title").asText()).append("\" (session ").append(r.sessionId())
                .append(")\n");
        out.append("  provider ").append(r.providerId()).append(": ").append(r.validation().path("status").asText())
                .append('\n');
        out.append("  attendance: ").append(r.attendance().path("detail").asText()).append('\n');
        out.append("  completion under ").append(c.path("ruleset").asText()).append(" v")
                .append(c.path("rulesetVersion").asText()).append(": ").append(rows.size())
                .append(" participants, ").append(rows.size() == 0 ? 0 : minutes / rows.size())
                .append(" min present on average\n");
        byCredit.forEach((credit, count) -> out.append(String.format("    %5s credits: %3d participants%n",
                credit.toPlainString(), count)));
        JsonNode p = r.processing();
        out.append("  processed CPE (run ").append(p.path("run").asText()).append("): ")
                .append(p.path("awarded").asInt()).append(" awarded, ").append(p.path("revised").asInt())
                .append(" revised, ").append(p.path("revoked").asInt()).append(" revoked, ")
                .append(p.path("unchanged").asInt()).append(" unchanged, on cpe.credits.v1\n");
        out.append("  first rows:\n");
        int shown = 0;
        for (JsonNode row : rows) {
            if (shown++ == 5) {
                break;
            }
            out.append(String.format("    %-28s %4d min  %s%n", row.path("displayName").asText("(no name)"),
                    row.path("minutesPresent").asLong(), row.path("reason").asText()));
        }
        return out.toString();
    }
}
