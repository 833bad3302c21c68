package io.teamscpe.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.contracts.attendance.AttendanceEvent;
import io.teamscpe.contracts.session.SessionScheduled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    @Test
    void everyEventTypeHasASchemaAndAnAsyncApiEntry() throws IOException {
        String asyncApi = read("asyncapi.yaml");
        for (String type : EventCatalog.allTypes()) {
            assertThat(getClass().getClassLoader().getResource("schemas/" + type + ".json"))
                    .as("schema for %s", type).isNotNull();
            assertThat(asyncApi).as("AsyncAPI entry for %s", type).contains("schemas/" + type + ".json");
        }
    }

    @Test
    void typesAndTopicsComeFromTheSealedFamilies() {
        assertThat(EventCatalog.classOf("io.teamscpe.session.scheduled.v1")).contains(SessionScheduled.class);
        assertThat(EventCatalog.classOf("io.teamscpe.unknown.v9")).isEmpty();
        for (Class<?> permitted : AttendanceEvent.class.getPermittedSubclasses()) {
            assertThat(EventCatalog.allTypes()).contains(permitted.getAnnotation(EventType.class).value());
        }
    }

    private String read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
