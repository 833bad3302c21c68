package io.teamscpe.emulator;

import com.sun.net.httpserver.HttpServer;
import io.teamscpe.emulator.control.ControlApi;
import io.teamscpe.emulator.control.FaultControlApi;
import io.teamscpe.emulator.control.ScenarioEditApi;
import io.teamscpe.emulator.faults.FaultPlan;
import io.teamscpe.emulator.faults.FaultStats;
import io.teamscpe.emulator.faults.GraphFaults;
import io.teamscpe.emulator.graph.GraphApi;
import io.teamscpe.emulator.graph.attendance.AttendanceApi;
import io.teamscpe.emulator.graph.events.VirtualEventsApi;
import io.teamscpe.emulator.graph.meetings.OnlineMeetingsApi;
import io.teamscpe.emulator.graph.users.UsersApi;
import io.teamscpe.emulator.http.HttpFront;
import io.teamscpe.emulator.http.Router;
import io.teamscpe.emulator.identity.AuthorizationCodeGrant;
import io.teamscpe.emulator.identity.AuthorizeEndpoint;
import io.teamscpe.emulator.identity.ClientCredentialsGrant;
import io.teamscpe.emulator.identity.DelegatedGrants;
import io.teamscpe.emulator.identity.EntraDiscovery;
import io.teamscpe.emulator.identity.EntraTokenEndpoint;
import io.teamscpe.emulator.identity.GraphTokens;
import io.teamscpe.emulator.identity.RefreshTokenGrant;
import io.teamscpe.emulator.idp.FirmIdp;
import io.teamscpe.emulator.idp.IdpTokens;
import io.teamscpe.emulator.json.Json;
import io.teamscpe.emulator.state.EmulatorState;
import io.teamscpe.emulator.state.ScenarioEdits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Microsoft identity platform, Microsoft Graph v1.0 subset and firm OIDC provider in one HTTP server.
 * Each instance has its own port, keys and scenario; {@link #close()} stops it.
 */
public final class GraphEmulator implements AutoCloseable {

    /** The firm IdP's realm path segment: its issuer is {@code {baseUrl}/teamscpe-idp/v2.0}. */
    public static final String IDP_TENANT = "teamscpe-idp";
    /** The firm IdP's built-in service client (client credentials, role {@code cpe-service}). */
    public static final String SERVICE_CLIENT_ID = "teamscpe-services";
    public static final String DEFAULT_SERVICE_CLIENT_SECRET = "local-emulator-service-secret";
    /** The firm IdP's built-in operator client (client credentials, role {@code cpe-operator}, no firm). */
    public static final String OPERATOR_CLIENT_ID = "teamscpe-operator";
    public static final String DEFAULT_OPERATOR_CLIENT_SECRET = "local-emulator-operator-secret";
    /** The {@code aud} of every firm IdP token: the Teams CPE REST API. */
    public static final String IDP_AUDIENCE = IdpTokens.AUDIENCE;

    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatorState state;
    private final IdpTokens idpTokens;
    private final DelegatedGrants delegated;
    private final GraphFaults faults;
    private final ScenarioEdits edits;

    private GraphEmulator(HttpServer server, ExecutorService executor, EmulatorState state, IdpTokens idpTokens,
                          DelegatedGrants delegated, GraphFaults faults, ScenarioEdits edits) {
        this.server = server;
        this.executor = executor;
        this.state = state;
        this.idpTokens = idpTokens;
        this.delegated = delegated;
        this.faults = faults;
        this.edits = edits;
    }

    /** Starts on {@code port} (0 picks a free one) with {@link #DEFAULT_SERVICE_CLIENT_SECRET}. */
    public static GraphEmulator start(int port) {
        return start(port, DEFAULT_SERVICE_CLIENT_SECRET);
    }

    /** Starts on {@code port} (0 picks a free one); the firm IdP's service client uses this secret. */
    public static GraphEmulator start(int port, String serviceClientSecret) {
        return start(port, serviceClientSecret, DEFAULT_OPERATOR_CLIENT_SECRET);
    }

    /** Starts on {@code port} (0 picks a free one); the firm IdP's service and operator clients use these secrets. */
    public static GraphEmulator start(int port, String serviceClientSecret, String operatorClientSecret) {
        List<FirmIdp.Client> idpClients = List.of(
                new FirmIdp.Client(SERVICE_CLIENT_ID, serviceClientSecret, List.of(IdpTokens.SERVICE_ROLE)),
                new FirmIdp.Client(OPERATOR_CLIENT_ID, operatorClientSecret, List.of(IdpTokens.OPERATOR_ROLE)));
        EmulatorState state = new EmulatorState(Clock.systemUTC());
        IdpTokens idpTokens = new IdpTokens(state, IDP_TENANT);
        DelegatedGrants delegated = new DelegatedGrants();
        GraphApi graph = new GraphApi(state);
        GraphFaults faults = new GraphFaults(graph);
        ScenarioEdits edits = new ScenarioEdits(state);
        Router router = routes(state, graph, faults, idpTokens, delegated, edits, idpClients);
        String instance = Integer.toHexString(System.identityHashCode(state));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "graph-emulator-" + instance + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK: every
        // answer would take ~40 ms more than Graph's. Read once, when the JDK server's configuration first loads.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
            server.createContext("/", new HttpFront(router, faults));
            server.setExecutor(executor);
            server.start();
            state.baseUrl("http://localhost:" + server.getAddress().getPort());
            return new GraphEmulator(server, executor, state, idpTokens, delegated, faults, edits);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the Graph emulator on port " + port, e);
        }
    }

    private static Router routes(EmulatorState state, GraphApi graph, GraphFaults faults, IdpTokens idpTokens,
                                 DelegatedGrants delegated, ScenarioEdits edits,
                                 List<FirmIdp.Client> idpClients) {
        Router router = new Router();
        new EntraDiscovery(state).register(router);
        new AuthorizeEndpoint(state, delegated).register(router);
        new EntraTokenEndpoint(state, List.of(new ClientCredentialsGrant(new GraphTokens(state)),
                new AuthorizationCodeGrant(state, delegated), new RefreshTokenGrant(state, delegated)))
                .register(router);
        new FirmIdp(state, idpTokens, IDP_TENANT, idpClients).register(router);
        graph.registerFallback(router);
        new UsersApi(graph).register(router);
        new OnlineMeetingsApi(graph).register(router);
        new AttendanceApi(graph).register(router);
        new VirtualEventsApi(graph).register(router);
        new ControlApi(state, idpTokens, delegated).register(router);
        new ScenarioEditApi(edits).register(router);
        new FaultControlApi(faults).register(router);
        return router;
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUrl() {
        return state.baseUrl();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Replaces all Microsoft-side state (tenants, apps, users, meetings) with the scenario in this JSON. */
    public void loadScenario(String json) {
        loadScenario(Json.read(json, Scenario.class));
    }

    /** Replaces all Microsoft-side state; the firm IdP's built-in clients stay. */
    public void loadScenario(Scenario scenario) {
        state.load(scenario);
    }

    /**
     * Adds or removes one tenant, user, meeting or attendance report without touching the rest of the scenario,
     * as the {@code /_emulator/tenants} and {@code /_emulator/meetings} endpoints do; thread-safe.
     */
    public ScenarioEdits edits() {
        return edits;
    }

    /**
     * A firm user's access token from the firm IdP (aud {@link #IDP_AUDIENCE}), as {@code POST /_emulator/idp/tokens}
     * issues it.
     */
    public String mintIdpToken(String firmId, String subject, String name, String email, List<String> roles) {
        return idpTokens.userToken(firmId, subject, name, email, roles);
    }

    /** The same with this {@code aud} (null: {@link #IDP_AUDIENCE}), e.g. to test that a wrong audience is refused. */
    public String mintIdpToken(String firmId, String subject, String name, String email, List<String> roles,
                               String audience) {
        return idpTokens.userToken(firmId, subject, name, email, roles, audience);
    }

    /**
     * Revokes the refresh tokens a user (object id) granted to an app, as {@code POST /_emulator/identity/revoke}
     * does: the next refresh fails with {@code invalid_grant} (AADSTS50173). Returns how many were revoked.
     */
    public int revokeDelegatedGrants(String clientId, String userId) {
        return delegated.revoke(clientId, userId);
    }

    /**
     * Injects faults into Graph {@code /v1.0} requests (and adds latency) from now on, as {@code PUT
     * /_emulator/faults} does; resets {@link #faultStats()}. {@link FaultPlan#none()} (or null) turns them off.
     */
    public GraphEmulator faults(FaultPlan plan) {
        faults.install(plan);
        return this;
    }

    /** Turns fault injection and latency off, as {@code DELETE /_emulator/faults} does; counters are kept. */
    public void clearFaults() {
        faults.clear();
    }

    /** Graph requests received and served, and faults injected, since the last {@link #faults(FaultPlan)}. */
    public FaultStats faultStats() {
        return faults.stats();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** {@code --port N} (default 8090), {@code --scenario demo|<path to JSON>} (default demo). */
    public static void main(String[] args) {
        EmulatorMain.run(args);
    }
}
