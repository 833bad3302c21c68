package io.teamscpe.credential;

import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The demo tenant plus app registrations for organizer sign-in, with short-lived tokens (msal refreshes each time). */
final class DelegatedScenario {
    static final String REDIRECT_URI = "https://cpe.firm.test/webcast_credential_proxy_in/MicrosoftTeamsUtility/";
    static final String CLIENT_ID = "9a1f3c5e-7b2d-4e6f-8a0b-1c2d3e4f5a6b";
    static final String SECRET = "Dl77Q~delegated.organizer-sign-in";
    /** An app whose registration lists another redirect URI: Microsoft refuses to send the organizer back. */
    static final String MISREGISTERED_CLIENT_ID = "0b2e4d6f-8a1c-4b3d-9e5f-2a4c6e8f0b1d";
    static final String MISREGISTERED_SECRET = "Mr11Q~misregistered.redirect";
    /** Shorter than msal's 5-minute refresh margin: every silent call refreshes with the refresh token. */
    static final int TOKEN_LIFETIME_SECONDS = 120;

    private DelegatedScenario() {
    }

    static Scenario build() {
        Scenario demo = DemoScenario.build();
        Scenario.Tenant tenant = demo.tenants().get(0);
        List<Scenario.App> apps = new ArrayList<>(tenant.apps());
        List<String> none = List.of();
        apps.add(new Scenario.App(CLIENT_ID, "Teams CPE (organizer sign-in)",
                List.of(new Scenario.Secret(SECRET, Instant.parse("2028-01-01T00:00:00Z"))), none, false, null,
                List.of(REDIRECT_URI)));
        apps.add(new Scenario.App(MISREGISTERED_CLIENT_ID, "Teams CPE (wrong redirect URI)",
                List.of(new Scenario.Secret(MISREGISTERED_SECRET, Instant.parse("2028-01-01T00:00:00Z"))), none,
                false, null, List.of("https://elsewhere.example/callback")));
        return new Scenario(List.of(new Scenario.Tenant(tenant.id(), tenant.displayName(), apps, tenant.users(),
                tenant.meetings())), demo.graphPageSize(), TOKEN_LIFETIME_SECONDS);
    }
}
