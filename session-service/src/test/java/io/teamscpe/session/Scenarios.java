package io.teamscpe.session;

import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** Variations of the demo world loaded into the Graph emulator. */
final class Scenarios {
    private Scenarios() {
    }

    static void demo() {
        load(DemoScenario.build());
    }

    /** The demo, with the Teams CPE app's application access policy revoked. */
    static void withoutAccessPolicy() {
        withApp(a -> new Scenario.App(a.clientId(), a.displayName(), a.secrets(), a.applicationPermissions(),
                a.adminConsent(), null, a.redirectUris()));
    }

    /** The demo, with one application permission removed from the Teams CPE app. */
    static void withoutPermission(String permission) {
        withApp(a -> new Scenario.App(a.clientId(), a.displayName(), a.secrets(), a.applicationPermissions()
                .stream().filter(p -> !p.equals(permission)).toList(), a.adminConsent(), a.accessPolicy(),
                a.redirectUris()));
    }

    private static void withApp(UnaryOperator<Scenario.App> change) {
        Scenario demo = DemoScenario.build();
        Scenario.Tenant t = demo.tenants().get(0);
        List<Scenario.App> apps = t.apps().stream().map(a -> a.clientId().equals(DemoScenario.CLIENT_ID)
                ? change.apply(a) : a).toList();
        load(new Scenario(List.of(new Scenario.Tenant(t.id(), t.displayName(), apps, t.users(), t.meetings())),
                demo.graphPageSize(), demo.tokenLifetimeSeconds()));
    }

    /** The demo, with the Ethics meeting rescheduled in Teams. */
    static void ethicsRescheduled(Instant start, Instant end) {
        withMeetings(m -> !m.id().equals(DemoScenario.MEETING_ID) ? m : new Scenario.Meeting(m.id(),
                m.organizerId(), m.joinWebUrl(), m.subject(), start, end, m.creationDateTime(), m.isBroadcast(),
                m.chatThreadId(), m.attendanceReports()));
    }

    /** The demo, with the Ethics meeting deleted in Teams. */
    static void ethicsDeleted() {
        withMeetings(m -> m.id().equals(DemoScenario.MEETING_ID) ? null : m);
    }

    private static void withMeetings(UnaryOperator<Scenario.Meeting> change) {
        Scenario demo = DemoScenario.build();
        Scenario.Tenant t = demo.tenants().get(0);
        List<Scenario.Meeting> meetings = t.meetings().stream().map(change).filter(m -> m != null).toList();
        load(new Scenario(List.of(new Scenario.Tenant(t.id(), t.displayName(), t.apps(), t.users(), meetings)),
                demo.graphPageSize(), demo.tokenLifetimeSeconds()));
    }

    private static void load(Scenario scenario) {
        GraphEmulatorResource.emulator().loadScenario(scenario);
    }
}
