package io.teamscpe.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.teamscpe.emulator.GraphEmulator;

import java.util.Map;

/**
 * The Graph emulator (Microsoft identity platform + Graph v1.0, and the house identity provider) for
 * {@code @QuarkusTest}s. One emulator per test JVM; tests load scenarios and mint user tokens through
 * {@link #emulator()}.
 */
public class GraphEmulatorResource implements QuarkusTestResourceLifecycleManager {

    private static GraphEmulator emulator;

    /**
     * The shared emulator (started if needed). Unlike the brokers it lives per class loader: it starts in
     * milliseconds, and tests need the object itself, which another class loader's copy could not give them.
     */
    public static synchronized GraphEmulator emulator() {
        if (emulator == null) {
            GraphEmulator started = GraphEmulator.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "devstack-stop-graph-emulator"));
            emulator = started;
        }
        return emulator;
    }

    /** The configuration that points a service at {@code emulator}: Graph, Entra authority, OIDC and OIDC client. */
    public static Map<String, String> config(GraphEmulator emulator) {
        String base = emulator.baseUrl();
        String idp = base + "/" + GraphEmulator.IDP_TENANT + "/v2.0";
        return Map.of(
                "teamscpe.graph.base-url", base + "/v1.0",
                "teamscpe.identity.authority-host", base,
                "quarkus.oidc.auth-server-url", idp,
                "quarkus.oidc-client.auth-server-url", idp,
                "quarkus.oidc-client.client-id", GraphEmulator.SERVICE_CLIENT_ID,
                "quarkus.oidc-client.credentials.secret", GraphEmulator.DEFAULT_SERVICE_CLIENT_SECRET);
    }

    @Override
    public Map<String, String> start() {
        return config(emulator());
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM; a shutdown hook stops it
    }
}
