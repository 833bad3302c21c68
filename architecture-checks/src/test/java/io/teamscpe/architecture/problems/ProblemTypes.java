package io.teamscpe.architecture.problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the problem types the services and platform raise from their main sources: every construction of a
 * problem ({@code new ProblemException(status, "slug", ...)}, {@code ProblemException.badRequest("slug", ...)},
 * {@code notFound}, platform's {@code new Problem(TYPE_BASE + "slug", title, status, ...)} and
 * {@code HttpProblems.respond(ctx, status, "slug", ...)}, polling's file refusals, reporting's override refusals).
 * A construction whose slug or status it cannot read is reported as unreadable, unless it only forwards a slug
 * read elsewhere (listed in {@link #FORWARDERS}).
 */
public final class ProblemTypes {
    public static final List<String> MODULES = List.of("platform", "credential-service", "session-service",
            "attendance-ingest-service", "polling-service", "reporting-service");
    /** A status the code computes (e.g. platform's http-{status} for whatever status JAX-RS raised). */
    public static final String VARIES = "varies";

    /** How one kind of construction names its status and slug: by argument index, or fixed. */
    private record Form(String token, int statusArg, String status, int slugArg, String slug, String onlyIn) {
    }

    private static final List<Form> FORMS = List.of(
            new Form("new ProblemException(", 0, null, 1, null, null),
            new Form("ProblemException.badRequest(", -1, "400", 0, null, null),
            new Form("ProblemException.notFound(", -1, "404", -1, "not-found", null),
            new Form("new Problem(", 2, null, 0, null, null),
            new Form("respond(ctx,", 1, null, 2, null, null),
            // a poll file's refusal: a 422 on its own, or one file's entry in poll-upload-rejected's 'files'
            new Form("new PollFileException(", -1, "422", 0, null, null),
            new Form("FormsProblems.notXlsx(", -1, "422", 0, null, null),
            new Form("return refuse(", 0, null, 1, null, "OverrideRules.java"));

    /** file: slug expression of constructions that pass on a slug whose literal another form reads. */
    private static final Set<String> FORWARDERS = Set.of(
            "ProblemException.java: slug", // badRequest: the callers' literals are read
            "ProblemException.java: Problem.TYPE_BASE + slug", // toProblem: the constructions' literals are read
            "ProcessingService.java: refusal.slug()", // OverrideRules' refuse(...) literals
            "PollUploadService.java: e.kind()", // PollFileException literals
            "FormsProblems.java: kind"); // FormsProblems.notXlsx(...) literals
    /** Files that may name TYPE_BASE outside a readable construction, and why. */
    private static final Set<String> TYPE_BASE_USERS = Set.of(
            "Problem.java", // declares it
            "HttpProblems.java", // respond(ctx, status, slug, ...): its callers are read
            "FileReport.java"); // an uploaded file's type from its PollFileException kind

    private static final Pattern STATUS = Pattern.compile("\\d{3}");
    private static final Pattern TERNARY = Pattern.compile(".+\\?\\s*(\\d{3})\\s*:\\s*(\\d{3})");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)*)\"");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern TYPED = Pattern.compile("(?:Problem\\.)?TYPE_BASE\\s*\\+\\s*(.+)");
    private static final Pattern TEMPLATE = Pattern.compile("\"([a-z0-9-]+-)\"\\s*\\+\\s*([a-z][A-Za-z0-9]*)");

    /** One problem type raised at one place. */
    public record Use(String module, String slug, String status, String where) {
        public String key() {
            return slug + " " + status;
        }
    }

    /** What the scan found: the uses, and constructions it could not read. */
    public record Scan(List<Use> uses, List<String> unreadable) {
    }

    private ProblemTypes() {
    }

    public static Scan scan(Path repo) {
        List<Use> uses = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String module : MODULES) {
            for (Path file : javaFiles(repo.resolve(module).resolve("src/main/java"))) {
                scanFile(module, file, uses, unreadable);
            }
        }
        return new Scan(uses, unreadable);
    }

    private static void scanFile(String module, Path file, List<Use> uses, List<String> unreadable) {
        String name = file.getFileName().toString();
        String text = JavaSource.withoutComments(read(file));
        Map<String, String> constants = constants(text);
        List<int[]> read = new ArrayList<>();
        for (Form form : FORMS) {
            if (form.onlyIn() != null && !form.onlyIn().equals(name)) {
                continue;
            }
            for (int at = text.indexOf(form.token()); at >= 0; at = text.indexOf(form.token(), at + 1)) {
                int open = at + form.token().indexOf('(');
                List<String> args = JavaSource.arguments(text, open);
                String where = module + "/" + name + ":" + JavaSource.lineOf(text, at);
                read.add(new int[] {at, open + String.join(",", args).length() + 2});
                String slugExpr = form.slug() != null ? null : arg(args, form.slugArg());
                String slug = form.slug() != null ? form.slug() : slug(slugExpr, constants);
                if (slug == null) {
                    if (!FORWARDERS.contains(name + ": " + slugExpr)) {
                        unreadable.add(where + ": slug " + slugExpr);
                    }
                    continue;
                }
                List<String> statuses = form.status() != null ? List.of(form.status())
                        : statuses(arg(args, form.statusArg()), slug);
                if (statuses.isEmpty()) {
                    unreadable.add(where + ": status " + arg(args, form.statusArg()));
                }
                statuses.forEach(s -> uses.add(new Use(module, slug, s, where)));
            }
        }
        if (text.contains("TYPE_BASE") && !TYPE_BASE_USERS.contains(name)) {
            for (int at = text.indexOf("TYPE_BASE"); at >= 0; at = text.indexOf("TYPE_BASE", at + 1)) {
                int pos = at;
                if (read.stream().noneMatch(r -> r[0] <= pos && pos < r[1])) {
                    unreadable.add(module + "/" + name + ":" + JavaSource.lineOf(text, at)
                            + ": TYPE_BASE outside a construction this scan reads");
                }
            }
        }
    }

    private static String arg(List<String> args, int index) {
        return index < args.size() ? args.get(index) : "";
    }

    private static String slug(String expr, Map<String, String> constants) {
        Matcher typed = TYPED.matcher(expr);
        String e = typed.matches() ? typed.group(1).trim() : expr;
        Matcher literal = LITERAL.matcher(e);
        if (literal.matches()) {
            return literal.group(1);
        }
        Matcher template = TEMPLATE.matcher(e);
        if (typed.matches() && template.matches()) {
            return template.group(1) + "{" + template.group(2) + "}";
        }
        return CONSTANT.matcher(e).matches() ? constants.get(e) : null;
    }

    private static List<String> statuses(String expr, String slug) {
        if (STATUS.matcher(expr).matches()) {
            return List.of(expr);
        }
        Matcher ternary = TERNARY.matcher(expr);
        if (ternary.matches()) {
            return List.of(ternary.group(1), ternary.group(2));
        }
        // a computed slug (http-{status}) carries the computed status
        return slug.contains("{") ? List.of(VARIES) : List.of();
    }

    private static Map<String, String> constants(String text) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("static final String ([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*;").matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
