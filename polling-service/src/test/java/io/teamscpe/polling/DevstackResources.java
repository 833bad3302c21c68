package io.teamscpe.polling;

import io.quarkus.test.common.QuarkusTestResource;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.PostgresResource;

/** The real PostgreSQL, Kafka and identity provider every test of this module shares (one Quarkus app). */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(GraphEmulatorResource.class)
public class DevstackResources {
}
