package io.teamscpe.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackArgsTest {

    @Test
    void replicasAreReadPerService() {
        assertThat(LocalStack.replicas(new String[] {"start", "--replicas",
                "reporting-service=3,polling-service=2", "--replicas", "attendance-ingest-service=2"}))
                .isEqualTo(Map.of(Stack.Service.REPORTING, 3, Stack.Service.POLLING, 2, Stack.Service.ATTENDANCE, 2));
        assertThat(LocalStack.replicas(new String[] {"start"})).isEmpty();
    }

    @Test
    void aMistakeIsNamed() {
        assertThatThrownBy(() -> LocalStack.replicas(new String[] {"start", "--replicas", "reporting=2"}))
                .hasMessageContaining("no service named reporting");
        assertThatThrownBy(() -> LocalStack.replicas(new String[] {"start", "--replicas", "polling-service=0"}))
                .hasMessageContaining("must be 1 to 8");
        assertThatThrownBy(() -> LocalStack.replicas(new String[] {"start", "--replica"}))
                .hasMessageContaining("unknown argument --replica");
    }
}
