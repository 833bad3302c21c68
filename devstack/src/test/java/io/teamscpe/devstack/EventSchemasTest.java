package io.teamscpe.devstack;

import io.teamscpe.devstack.kafka.EventSchemas;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {
    private static final String TYPE = "io.teamscpe.test.sample.v1";

    @Test
    void validDocumentHasNoErrors() {
        assertThat(EventSchemas.validate(TYPE, """
                {"sessionId":"0b6f7c5e-2f1a-4a8e-9a57-1d2b3c4d5e6f","minutes":42,"occurredAt":"2026-01-05T15:00:00Z"}
                """)).isEmpty();
    }

    @Test
    void violationsAreReportedWithTheirLocation() {
        var errors = EventSchemas.validate(TYPE, """
                {"sessionId":"0b6f7c5e-2f1a-4a8e-9a57-1d2b3c4d5e6f","minutes":-3,"extra":true}
                """);
        assertThat(errors).hasSize(2);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("minutes").contains("0"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("extra"));
    }

    @Test
    void missingRequiredPropertyIsAViolation() {
        assertThat(EventSchemas.validate(TYPE, "{\"minutes\":1}")).singleElement().asString().contains("sessionId");
    }

    @Test
    void unknownEventTypeSaysThereIsNoSchema() {
        assertThat(EventSchemas.validate("io.teamscpe.nope.v1", "{}"))
                .singleElement().asString().contains("no JSON Schema").contains("schemas/io.teamscpe.nope.v1.json");
    }

    @Test
    void malformedJsonIsReportedNotThrown() {
        assertThat(EventSchemas.validate(TYPE, "{not json")).singleElement().asString().startsWith("not a JSON document");
    }
}
