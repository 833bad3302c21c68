package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The demo's outcome as a short, readable text. */
final class Summary {
    private Summary() {
    }

    static String of(DemoFlow.Result r) {
        JsonNode c = r.completion();
        StringBuilder out = new StringBuilder();
        out.append("Demo: \"").append(c.path("title").asText()).append("\" (session ").append(r.sessionId())
                .append(")\n");
        out.append("  provider ").append(r.providerId()).append(": ").append(r.validation().path("status").asText())
                .append('\n');
        out.append("  attendance: ").append(r.attendance().path("detail").asText()).append('\n');
        polls(r.polls(), out);
        completion(c, out);
        JsonNode p = r.processing();
        out.append("  processed CPE (run ").append(p.path("run").asText()).append("): ")
                .append(p.path("awarded").asInt()).append(" awarded, ").append(p.path("revised").asInt())
                .append(" revised, ").append(p.path("revoked").asInt()).append(" revoked, ")
                .append(p.path("unchanged").asInt()).append(" unchanged, ").append(p.path("noShows").asInt())
                .append(" no-shows without an event\n");
        Map<String, Long> kinds = r.published().stream()
                .collect(Collectors.groupingBy(CreditEvent::kind, TreeMap::new, Collectors.counting()));
        out.append(kinds.isEmpty() ? "  on cpe.credits.v1: nothing new (every credit was published before)"
                : "  read back from cpe.credits.v1: " + kinds.entrySet().stream()
                .map(k -> k.getValue() + " " + k.getKey()).collect(Collectors.joining(", "))).append('\n');
        return out.toString();
    }

    private static void polls(JsonNode list, StringBuilder out) {
        JsonNode polls = list.path("polls");
        int responses = 0;
        for (JsonNode p : polls) {
            responses += p.path("responseCount").asInt();
        }
        out.append(String.format(Locale.ROOT, "  polls: %d Microsoft Forms exports uploaded, %,d responses%n",
                polls.size(), responses));
        for (JsonNode p : polls) {
            out.append(String.format("    %-44s %3d matched, %d unmatched, %d anonymous%n",
                    p.path("fileName").asText(), p.path("matchedCount").asInt(), p.path("unmatchedCount").asInt(),
                    p.path("anonymousCount").asInt()));
        }
    }

    private static void completion(JsonNode c, StringBuilder out) {
        for (JsonNode type : c.path("creditTypes")) {
            String code = type.path("code").asText();
            List<JsonNode> rows = new ArrayList<>();
            c.path("rows").forEach(row -> {
                if (row.path("creditType").asText().equals(code)) {
                    rows.add(row);
                }
            });
            creditType(type, rows, c.path("freshness").path("pollsIncluded").asInt(), out);
        }
        for (JsonNode row : c.path("rows")) {
            if (row.path("matchMethod").asText().equals("MAPPED")) {
                out.append(String.format("    mapped guest: %s → %s (%s), %d min present%n",
                        row.path("mappedAttendees").path(0).path("displayName").asText(),
                        row.path("displayName").asText(), row.path("participantId").asText(),
                        row.path("minutesPresent").asLong()));
                return;
            }
        }
    }

    private static void creditType(JsonNode type, List<JsonNode> rows, int polls, StringBuilder out) {
        Map<BigDecimal, Integer> byCredit = new TreeMap<>(Comparator.reverseOrder());
        long minutes = 0;
        for (JsonNode row : rows) {
            byCredit.merge(row.path("finalCredit").decimalValue().stripTrailingZeros(), 1, Integer::sum);
            minutes += row.path("minutesPresent").asLong();
        }
        out.append("  ").append(type.path("code").asText()).append(" credit under ")
                .append(type.path("ruleset").asText()).append(" v").append(type.path("rulesetVersion").asText())
                .append(" (at most ").append(type.path("maxCredits").asText())
                .append(type.path("maxCreditsDerived").asBoolean() ? ", derived from the schedule" : "")
                .append("): ").append(rows.size()).append(" participants, ")
                .append(rows.isEmpty() ? 0 : minutes / rows.size()).append(" min present on average, ")
                .append(polls).append(" polls\n");
        byCredit.forEach((credit, count) -> out.append(String.format("    %5s credits: %3d participants%n",
                credit.toPlainString(), count)));
        BigDecimal full = byCredit.keySet().stream().findFirst().orElse(BigDecimal.ZERO);
        example("full credit", rows, row -> credit(row).compareTo(full) == 0, out);
        example("fewer polls", rows, row -> credit(row).signum() > 0 && credit(row).compareTo(full) < 0
                && row.path("reason").asText().contains("not met"), out);
    }

    private static void example(String label, List<JsonNode> rows, Predicate<JsonNode> wanted,
                                StringBuilder out) {
        for (JsonNode row : rows) {
            if (row.path("matchStatus").asText().equals("ENROLLED") && wanted.test(row)) {
                out.append(String.format("    %s, e.g. %s: %s%n", label, row.path("displayName").asText(),
                        row.path("reason").asText()));
                return;
            }
        }
    }

    private static BigDecimal credit(JsonNode row) {
        return row.path("finalCredit").decimalValue();
    }
}
