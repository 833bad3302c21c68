package io.teamscpe.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the services logged for the 5xx answers the walker got: each problem+json 500 quotes an incident id that
 * the service logged with its exception. Groups the answers by cause (the exception and where it was thrown), so a
 * report lists each bug once with every request that hit it.
 */
final class Incidents {
    private static final Pattern INCIDENT = Pattern.compile("\"incident\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    /** Quarkus's own answer to what no mapper handled: {@code {"details":"Error id <id>", ...}}. */
    private static final Pattern ERROR_ID = Pattern.compile("\"details\"\\s*:\\s*\"Error id ([^\"]+)\"");
    private static final Pattern LOG_LINE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");
    private static final Pattern VOLATILE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+");
    private static final int EXCERPT_LINES = 14;

    /** One cause: its log excerpt and the requests that hit it. */
    record Cause(String service, String signature, String excerpt, List<HostileProbe.Offence> hits) {
    }

    private final Map<String, Path> logs;
    private final Map<String, List<String>> read = new LinkedHashMap<>();

    /** {@code logs}: each service's log by service name. */
    Incidents(Map<String, Path> logs) {
        this.logs = logs;
    }

    /** The 5xx offences grouped by cause, most hits first. */
    List<Cause> causes(List<HostileProbe.Offence> offences) {
        Map<String, Cause> causes = new LinkedHashMap<>();
        for (HostileProbe.Offence o : offences) {
            if (o.status() < 500) {
                continue;
            }
            String service = o.attempt().service();
            String excerpt = excerpt(service, o.body());
            String signature = signature(excerpt, o);
            causes.computeIfAbsent(service + "|" + signature,
                    k -> new Cause(service, signature, excerpt, new ArrayList<>())).hits().add(o);
        }
        List<Cause> sorted = new ArrayList<>(causes.values());
        sorted.sort((a, b) -> b.hits().size() - a.hits().size());
        return sorted;
    }

    /** The log lines of the incident the body quotes: the error line, the exception, its frames and causes. */
    private String excerpt(String service, String body) {
        Matcher m = INCIDENT.matcher(body);
        Matcher quarkus = ERROR_ID.matcher(body);
        String id = m.find() ? m.group(1) : quarkus.find() ? quarkus.group(1) : null;
        if (id == null) {
            return "(the answer quotes no incident)";
        }
        List<String> lines = lines(service);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(id)) {
                List<String> kept = new ArrayList<>();
                kept.add(lines.get(i));
                for (int j = i + 1; j < lines.size() && !LOG_LINE.matcher(lines.get(j)).find(); j++) {
                    String line = lines.get(j);
                    boolean frame = line.trim().startsWith("at ");
                    boolean ours = line.contains("io.teamscpe.");
                    // every exception line (causes included); frames only of our code, and only so many
                    boolean keep = frame ? (ours || kept.size() < 4) && kept.size() < EXCERPT_LINES
                            : kept.size() < 3 * EXCERPT_LINES;
                    if (keep) {
                        kept.add(line);
                    }
                }
                return String.join("\n", kept);
            }
        }
        return "(incident " + id + " is not in " + logs.get(service) + ")";
    }

    /**
     * The root cause (the last exception line, quoted values, numbers and ids blanked) and the first frame of our
     * own code; for an answer without a logged incident, the operation and the answer's shape.
     */
    private static String signature(String excerpt, HostileProbe.Offence o) {
        if (excerpt.startsWith("(")) {
            String body = o.body().length() > 200 ? o.body().substring(0, 200) : o.body();
            return "HTTP " + o.status() + " " + o.attempt().operation() + ": " + blank(body);
        }
        String root = "";
        String frame = "";
        String[] lines = excerpt.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (i == 0) {
                root = line.substring(line.indexOf(": ", line.indexOf("incident")) + 2);
            } else if (line.startsWith("Caused by: ")) {
                root = line.substring("Caused by: ".length());
            } else if (frame.isEmpty() && line.startsWith("at io.teamscpe.") && !line.contains("_Subclass")
                    && !line.contains("_ClientProxy") && !line.contains("$quarkusrestinvoker")) {
                frame = line.substring(3);
            }
        }
        root = root.replaceAll("\\[(insert|update|select|delete) .*", "").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("'[^']*'", "'…'");
        return blank(root.length() > 300 ? root.substring(0, 300) : root) + " @ " + frame.replaceAll("\\(.*", "");
    }

    private static String blank(String text) {
        return VOLATILE.matcher(text).replaceAll("#");
    }

    private List<String> lines(String service) {
        return read.computeIfAbsent(service, s -> {
            try {
                return Files.readAllLines(logs.get(s), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A readable report: every cause with its excerpt and the requests that hit it. */
    static String report(List<Cause> causes) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (Cause c : causes) {
            out.append("\n#").append(++n).append(' ').append(c.service()).append(": ").append(c.hits().size())
                    .append(" request(s), e.g. ").append(c.hits().get(0).attempt().describe()).append('\n')
                    .append(c.excerpt().indent(4));
            c.hits().stream().map(h -> h.attempt().describe()).distinct().limit(12)
                    .forEach(d -> out.append("    - ").append(d).append('\n'));
            if (c.hits().size() > 12) {
                out.append("    - … and ").append(c.hits().size() - 12).append(" more\n");
            }
        }
        return out.toString();
    }
}
