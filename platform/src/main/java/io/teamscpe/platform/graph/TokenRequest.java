package io.teamscpe.platform.graph;

import jakarta.validation.constraints.NotBlank;

/**
 * A request for a Graph access token of {@code providerId} acting for {@code organizerId} (the organizer whose
 * meetings are read; for delegated providers it must be the provider's own organizer, or null).
 */
public record TokenRequest(@NotBlank String firmId, @NotBlank String providerId, String organizerId) {
}
