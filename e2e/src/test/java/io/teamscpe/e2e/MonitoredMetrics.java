package io.teamscpe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the chart's alerts (templates/prometheusrule.yaml, read raw: Helm actions dropped) and its Grafana
 * dashboard (dashboards/teams-cpe.json) query, and the check that a service exposes each of them: a misspelt name
 * in a PromQL expression is no error anywhere, just an alert that never fires or an empty panel.
 */
final class MonitoredMetrics {
    static final String RULES = "deploy/helm/teams-cpe/templates/prometheusrule.yaml";
    static final String DASHBOARD = "deploy/helm/teams-cpe/dashboards/teams-cpe.json";

    private static final Pattern HELM_ACTION = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)", Pattern.CASE_INSENSITIVE);
    /** An identifier not inside a number or a variable; group 2: it is called (a function or an aggregation). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$:])([a-zA-Z_:][\\w:]*)\\s*(\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "atan2", "inf", "nan");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$");
    private static final Pattern ALERT = Pattern.compile("^\\s*-\\s*alert:\\s*(\\S+)");
    private static final Pattern EXPR = Pattern.compile("^(\\s*)expr:\\s*(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoredMetrics() {
    }

    /** Metric names in one PromQL expression (Helm actions, strings, label matchers and ranges ignored). */
    static Set<String> inExpression(String promql) {
        String s = HELM_ACTION.matcher(promql).replaceAll(" ");
        s = STRING.matcher(s).replaceAll("\"\"");
        s = MATCHERS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** metric name to the alerts whose expression names it, from the raw (unrendered) PrometheusRule template. */
    static Map<String, Set<String>> ofAlerts(String template) {
        Map<String, Set<String>> out = new TreeMap<>();
        String[] lines = template.split("\n");
        String alert = "(no alert)";
        for (int i = 0; i < lines.length; i++) {
            Matcher a = ALERT.matcher(lines[i]);
            if (a.find()) {
                alert = a.group(1);
            }
            Matcher e = EXPR.matcher(lines[i]);
            if (!e.matches()) {
                continue;
            }
            StringBuilder expr = new StringBuilder(e.group(2));
            if (e.group(2).matches("[|>][-+]?")) {
                int indent = e.group(1).length();
                while (i + 1 < lines.length && (lines[i + 1].isBlank() || indentOf(lines[i + 1]) > indent)) {
                    expr.append('\n').append(lines[++i]);
                }
                expr.delete(0, e.group(2).length());
            }
            String where = "alert " + alert;
            inExpression(expr.toString()).forEach(n -> out.computeIfAbsent(n, k -> new TreeSet<>()).add(where));
        }
        return out;
    }

    /** metric name to the dashboard panels (and variables) whose queries name it. */
    static Map<String, Set<String>> ofDashboard(String dashboardJson) {
        JsonNode dashboard = read(dashboardJson);
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode panel : panels(dashboard)) {
            String where = "panel \"" + panel.path("title").asText() + "\"";
            for (JsonNode target : panel.path("targets")) {
                inExpression(target.path("expr").asText())
                        .forEach(n -> out.computeIfAbsent(n, k -> new TreeSet<>()).add(where));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            Matcher m = LABEL_VALUES.matcher(query.isObject() ? query.path("query").asText() : query.asText());
            if (variable.path("type").asText().equals("query") && m.matches()) {
                String where = "variable $" + variable.path("name").asText();
                inExpression(m.group(1)).forEach(n -> out.computeIfAbsent(n, k -> new TreeSet<>()).add(where));
            }
        }
        return out;
    }

    /** Both, read from the repository: metric name to every alert, panel and variable that names it. */
    static Map<String, Set<String>> named(Path repoRoot) {
        Map<String, Set<String>> out = new TreeMap<>(ofAlerts(text(repoRoot.resolve(RULES))));
        ofDashboard(text(repoRoot.resolve(DASHBOARD))).forEach((name, where) ->
                out.computeIfAbsent(name, k -> new TreeSet<>()).addAll(where));
        return out;
    }

    /** The metric names of one Prometheus text exposition (sample lines; # HELP and # TYPE are not samples). */
    static Set<String> exposed(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < l.length() && l.charAt(end) != '{' && !Character.isWhitespace(l.charAt(end))) {
                end++;
            }
            names.add(l.substring(0, end));
        }
        return names;
    }

    /**
     * One line per named metric no service exposes, saying where it is used. kube_* (kube-state-metrics) and up
     * (Prometheus itself) are not the services' to expose.
     */
    static List<String> missing(Map<String, Set<String>> named, Set<String> exposed) {
        List<String> out = new ArrayList<>();
        named.forEach((name, where) -> {
            if (!name.startsWith("kube_") && !name.equals("up") && !exposed.contains(name)) {
                out.add(name + " (" + String.join(", ", where) + ") is in no service's /q/metrics");
            }
        });
        return out;
    }

    private static List<JsonNode> panels(JsonNode container) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : container.path("panels")) {
            out.add(p);
            out.addAll(panels(p));
        }
        return out;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
