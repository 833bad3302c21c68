package io.teamscpe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.devstack.ServiceProcess;
import io.teamscpe.devstack.Stack;
import io.teamscpe.e2e.HostileProbe.Attempt;
import io.teamscpe.e2e.HostileProbe.Expect;
import io.teamscpe.e2e.OpenApiDocument.Operation;
import io.teamscpe.e2e.OpenApiDocument.Param;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14, "No input produces a 500": every operation of every service's OpenAPI document, sent hostile path ids,
 * query values, headers and bodies (see {@link HostileValues}, {@link HostileBodies}) as an admin of a firm of its
 * own ({@link HostileFirm}) and once without a token, must answer with a status below 500, and every 4xx as
 * problem+json. {@code /internal} operations are not walked: a firm user's token is refused there whatever roles it
 * claims, and no token gets 401. The findings, with the services' log excerpts of every 5xx grouped by cause, are
 * also written to {@code target/hostile-input-report.txt}; every answer to {@code hostile-input-requests.txt}, what
 * each operation answered to {@code hostile-input-coverage.txt}.
 */
@ExtendWith(SharedStack.class)
class HostileInputTest {
    private static final Logger LOG = Logger.getLogger(HostileInputTest.class);
    private static Stack stack;
    private static HostileFirm firm;
    private static final Map<String, OpenApiDocument> DOCS = new LinkedHashMap<>();
    private static final Map<String, String> BASE_URLS = new LinkedHashMap<>();
    private static final Map<String, Path> LOGS = new LinkedHashMap<>();

    @BeforeAll
    static void prepare() {
        stack = SharedStack.stack();
        firm = HostileFirm.prepare(stack);
        HostileProbe probe = new HostileProbe();
        List<String> urls = stack.endpoints().services();
        for (int i = 0; i < urls.size(); i++) {
            ServiceProcess process = stack.services().get(i);
            String service = Stack.Service.values()[i].module();
            BASE_URLS.put(service, urls.get(i));
            LOGS.put(service, process.log());
            OpenApiDocument doc = OpenApiDocument.fetch(probe.http(), service, urls.get(i), process);
            if (!doc.source().startsWith(urls.get(i))) {
                LOG.warnf("%s serves no OpenAPI document on its service port; read it from %s", service,
                        doc.source());
            }
            DOCS.put(service, doc);
        }
    }

    @Test
    void noInputGetsAServerErrorOrAnUnexplainedRefusal(TestReporter reporter) throws IOException {
        HostileProbe probe = new HostileProbe();
        List<Operation> operations = new ArrayList<>();
        DOCS.values().forEach(doc -> doc.operations().stream().filter(op -> !op.internal()).forEach(operations::add));
        // what deletes the firm's enrollments, session or credential goes last (the deepest path first);
        // credential-service's edits (a new secret breaks the firm's Graph access) just before
        operations.sort(Comparator.comparing((Operation op) -> op.method().equals("DELETE"))
                .thenComparing(op -> op.service().equals(Stack.Service.CREDENTIAL.module()))
                .thenComparing(op -> op.method().equals("DELETE") ? -op.path().length() : 0));
        Map<String, Integer> properStatus = new LinkedHashMap<>();
        for (Operation op : operations) {
            firm.settle();
            properStatus.put(op.service() + " " + op, walk(probe, op));
        }
        DOCS.forEach((service, doc) -> httpLayer(probe, service, doc.operations()));
        assertThat(operations).as("operations walked").hasSizeGreaterThan(20);
        assertThat(probe.sent().keySet()).as("services walked").containsExactlyInAnyOrderElementsOf(DOCS.keySet());

        probe.sent().forEach((service, n) -> reporter.publishEntry("requests " + service, String.valueOf(n)));
        reporter.publishEntry("requests total", String.valueOf(probe.total()));
        LOG.infof("hostile input: %d requests (%s) over %d operations", probe.total(), probe.sent(),
                operations.size());

        List<HostileProbe.Offence> offences = probe.offences();
        List<Incidents.Cause> causes = new Incidents(LOGS).causes(offences);
        String report = report(probe, offences, causes);
        StringBuilder coverage = new StringBuilder("\n== What each operation answered (proper request; all) ==\n");
        properStatus.forEach((op, status) -> coverage.append(op).append(": ").append(status).append("; ")
                .append(probe.statuses().get(op)).append('\n'));
        Files.writeString(Path.of("target", "hostile-input-coverage.txt"), coverage, StandardCharsets.UTF_8);
        Files.write(Path.of("target", "hostile-input-requests.txt"), probe.transcript(), StandardCharsets.UTF_8);
        Path file = Path.of("target", "hostile-input-report.txt");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        assertThat(offences).as("%d of %d hostile requests got a 5xx, a 4xx without problem+json, no answer, or "
                + "not the 401 a missing token must get (full report: %s)%n%s", offences.size(), probe.total(),
                file.toAbsolutePath(), report).isEmpty();
    }

    @Test
    void internalPathsRefuseFirmUsersWhateverTheirRolesAndCallersWithoutAToken(TestReporter reporter) {
        HostileProbe probe = new HostileProbe();
        List<Operation> internal = new ArrayList<>();
        DOCS.values().forEach(doc -> doc.operations().stream().filter(Operation::internal).forEach(internal::add));
        assertThat(internal).as("/internal operations in the documents").isNotEmpty();
        for (Operation op : internal) {
            HostileBodies.Body body = op.json() ? json("proper body", properBody(op)) : null;
            String url = baseUrl(op) + query(op);
            probe.send(new Attempt(op.service(), op.toString(), "firm user with every role", op.method(), url,
                    firm.everyRoleToken(), body, Map.of(), Expect.FORBIDDEN));
            probe.send(new Attempt(op.service(), op.toString(), "no token", op.method(), url, null, body, Map.of(),
                    Expect.UNAUTHORIZED));
        }
        reporter.publishEntry("internal operations", internal.stream().map(op -> op.service() + " " + op)
                .collect(Collectors.joining(", ")));
        reporter.publishEntry("internal requests", String.valueOf(probe.total()));
        assertThat(probe.offences()).as("/internal answers").isEmpty();
    }

    /** Every hostile variant of one operation, sent one after the other; returns what the proper request got. */
    private static int walk(HostileProbe probe, Operation op) {
        String token = firm.adminToken();
        String proper = baseUrl(op);
        HostileBodies.Body properBody = op.json() ? json("proper body", properBody(op))
                : op.multipart() ? multipart(op) : null;
        Expect anonymous = op.path().startsWith("/api/") ? Expect.UNAUTHORIZED : Expect.ANY;
        probe.send(attempt(op, "no token", proper, null, properBody, Map.of(), anonymous));
        probe.send(attempt(op, "malformed token", proper, "not.a.jwt", properBody, Map.of(), anonymous));
        int properStatus = probe.send(attempt(op, "proper request", proper, token, properBody, Map.of(),
                Expect.ANY));
        probe.send(attempt(op, "trailing slash", proper + "/", token, properBody, Map.of(), Expect.ANY));
        probe.send(attempt(op, "Accept: application/xml", proper, token, properBody,
                Map.of("Accept", "application/xml"), Expect.ANY));
        for (Param p : op.params("path")) {
            for (HostileValues.Value v : HostileValues.path(firm.realId(op.path(), p.name()))) {
                if (!v.name().equals("real id")) {
                    probe.send(attempt(op, p.name() + " = " + v.name(), url(op, p.name(), v.text()), token,
                            properBody, Map.of(), Expect.ANY));
                }
            }
        }
        for (Param p : op.params("query")) {
            String separator = proper.contains("?") ? "&" : "?";
            for (HostileValues.Value v : HostileValues.query(p.schema())) {
                probe.send(attempt(op, "?" + p.name() + " = " + v.name(), proper + separator + p.name() + "="
                        + v.text(), token, properBody, Map.of(), Expect.ANY));
            }
            probe.send(attempt(op, "?" + p.name() + " repeated", proper + separator + p.name() + "=1&" + p.name()
                    + "=2", token, properBody, Map.of(), Expect.ANY));
        }
        for (Param p : op.params("header")) {
            for (HostileValues.Value v : HostileValues.header()) {
                probe.send(attempt(op, p.name() + ": " + v.name(), proper, token, properBody,
                        Map.of(p.name(), v.text()), Expect.ANY));
            }
        }
        List<HostileBodies.Body> bodies = op.json()
                ? new HostileBodies(DOCS.get(op.service())).json(op.bodySchema(), properBody(op))
                : op.multipart() ? new HostileBodies(DOCS.get(op.service())).multipart(op.bodySchema(),
                        HostileFiles.proper(op.path()), HostileFiles.hostile(op.path()))
                : List.of("POST", "PUT", "PATCH").contains(op.method()) ? HostileBodies.unexpected() : List.of();
        for (HostileBodies.Body b : bodies) {
            probe.send(attempt(op, b.variant(), proper, token, b, Map.of(), Expect.ANY));
        }
        return properStatus;
    }

    /** What the HTTP layer answers itself: a method a path does not take, paths that do not exist. */
    private static void httpLayer(HostileProbe probe, String service, List<Operation> operations) {
        String token = firm.adminToken();
        Map<String, List<String>> methods = new LinkedHashMap<>();
        operations.forEach(op -> methods.computeIfAbsent(op.path(), p -> new ArrayList<>()).add(op.method()));
        methods.forEach((path, taken) -> {
            String method = List.of("PATCH", "PUT", "DELETE", "POST", "GET").stream()
                    .filter(m -> !taken.contains(m)).findFirst().orElse("TRACE");
            Operation op = operations.stream().filter(o -> o.path().equals(path)).findFirst().orElseThrow();
            probe.send(new Attempt(service, method + " " + path, "method the path does not take", method,
                    baseUrl(op), token, null, Map.of(), Expect.ANY));
        });
        for (String path : List.of("/api/no-such-path", "/api", "/no-such-path", "/q/no-such-path")) {
            probe.send(new Attempt(service, "GET " + path, "path that does not exist", "GET",
                    BASE_URLS.get(service) + path, token, null, Map.of(), Expect.ANY));
        }
    }

    private static Attempt attempt(Operation op, String variant, String url, String token, HostileBodies.Body body,
                                   Map<String, String> headers, Expect expect) {
        return new Attempt(op.service(), op.toString(), variant, op.method(), url, token, body, headers, expect);
    }

    /** The operation's URL with the firm's own ids in its path. */
    private static String baseUrl(Operation op) {
        return url(op, null, null);
    }

    /** The URL with {@code hostile} (percent-encoded) as parameter {@code name}, the firm's own ids elsewhere. */
    private static String url(Operation op, String name, String hostile) {
        String path = op.path();
        for (Param p : op.params("path")) {
            path = path.replace("{" + p.name() + "}", p.name().equals(name) ? hostile
                    : firm.realId(op.path(), p.name()));
        }
        return BASE_URLS.get(op.service()) + path;
    }

    /** For /internal: the firm's id where a firmId is asked for, an example value for other required ones. */
    private static String query(Operation op) {
        List<String> pairs = new ArrayList<>();
        for (Param p : op.params("query")) {
            if (p.name().equals("firmId")) {
                pairs.add("firmId=" + HostileFirm.FIRM);
            } else if (p.required()) {
                pairs.add(p.name() + "=" + DOCS.get(op.service()).example(p.schema(), 0).asText());
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static JsonNode properBody(Operation op) {
        JsonNode known = firm.properBody(op.toString());
        return known != null ? known : DOCS.get(op.service()).example(op.bodySchema(), 0);
    }

    private static HostileBodies.Body json(String variant, JsonNode body) {
        return new HostileBodies.Body(variant, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A proper upload: the proper file in the form's first field. */
    private static HostileBodies.Body multipart(Operation op) {
        var fields = op.bodySchema().path("properties").fieldNames();
        String field = fields.hasNext() ? fields.next() : "file";
        return new HostileBodies.Body("proper file", "multipart/form-data; boundary=x", HostileBodies.multipartBytes(
                "x", List.of(HostileFiles.proper(op.path()).part(field)), true));
    }

    private static String report(HostileProbe probe, List<HostileProbe.Offence> offences,
                                 List<Incidents.Cause> causes) {
        StringBuilder out = new StringBuilder("Requests sent: ").append(probe.total()).append(' ')
                .append(probe.sent()).append('\n');
        Map<String, Long> byWhy = offences.stream().collect(Collectors.groupingBy(HostileProbe.Offence::why,
                LinkedHashMap::new, Collectors.counting()));
        out.append("Offending answers: ").append(offences.size()).append(' ').append(byWhy).append('\n');
        out.append("\n== Distinct causes of the 5xx answers (").append(causes.size()).append(") ==")
                .append(Incidents.report(causes));
        out.append("\n== Every offending answer ==\n");
        offences.forEach(o -> out.append(o).append('\n'));
        return out.toString();
    }
}
