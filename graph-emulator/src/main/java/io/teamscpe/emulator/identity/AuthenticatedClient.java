package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.Scenario.App;
import io.teamscpe.emulator.state.Directory.TenantView;

/** An app registration whose client secret checked out, in the tenant it asked a token from. */
public record AuthenticatedClient(TenantView tenant, App app) {
}
