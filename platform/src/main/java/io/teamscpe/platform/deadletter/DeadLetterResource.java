package io.teamscpe.platform.deadletter;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.deadletter.DeadLetters.Parked;
import io.teamscpe.platform.deadletter.DeadLetters.Position;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.security.OperatorAudit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators (role {@code cpe-operator}, the suite's operator client only) inspect a dead-letter topic and, after
 * fixing what made its records fail, send chosen records back to their topic. Consumers apply each event once
 * (inbox), so sending a record back twice, or one that was applied after all, changes nothing.
 */
@Path("/internal/dead-letters/{topic}")
@RolesAllowed("cpe-operator")
@Blocking
@Tag(name = "Internal", description = "Service-to-service and operators; not routed by the gateway")
public class DeadLetterResource {
    private final DeadLetters deadLetters;
    private final OperatorAudit audit;

    public DeadLetterResource(DeadLetters deadLetters, OperatorAudit audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    /** Which records to send back, by their place in the dead-letter topic (as listed). */
    public record RedriveRequest(@NotEmpty @Size(max = DeadLetters.MAX_LISTED) List<@Valid @NotNull Place> records) {
    }

    public record Place(@PositiveOrZero int partition, @PositiveOrZero long offset) {
    }

    /** What was sent back, and which requested places held no record. */
    public record Redriven(String topic, List<Position> sent, List<Position> notFound) {
    }

    @GET
    @Operation(summary = "The records parked in a dead-letter topic (up to 500), with why they failed")
    public List<Parked> list(@PathParam("topic") String topic) {
        return deadLetters.list(known(topic));
    }

    @POST
    @Path("redrive")
    @Operation(summary = "Send chosen dead-letter records back to their topic, headers and event ids unchanged")
    public Redriven redrive(@PathParam("topic") String topic, @Valid @NotNull RedriveRequest request) {
        Set<Position> wanted = new LinkedHashSet<>();
        request.records().forEach(p -> wanted.add(new Position(p.partition(), p.offset())));
        List<Position> sent = deadLetters.redrive(known(topic), wanted);
        List<Position> notFound = wanted.stream().filter(p -> !sent.contains(p)).toList();
        audit.record("redrive " + topic, "sent " + sent.size() + " of " + wanted.size() + " record(s) back: "
                + sent);
        return new Redriven(topic, sent, notFound);
    }

    private static String known(String topic) {
        if (!DeadLetters.topics().contains(topic)) {
            throw new ProblemException(404, "not-found", "Not a dead-letter topic", "'" + topic + "' is not one of "
                    + "the suite's dead-letter topics: " + DeadLetters.topics() + ".");
        }
        return topic;
    }
}
