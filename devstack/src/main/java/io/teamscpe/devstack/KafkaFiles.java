package io.teamscpe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of one single-node KRaft broker under its data directory. */
record KafkaFiles(Path dir) {

    Path serverProperties() {
        return dir.resolve("server.properties");
    }

    Path log4jConfig() {
        return dir.resolve("log4j2.properties");
    }

    Path logDir() {
        return dir.resolve("data");
    }

    Path log() {
        return dir.resolve("kafka.log");
    }

    /** KRaft writes meta.properties when the storage is formatted: its presence means "format done". */
    boolean formatted() {
        return Files.exists(logDir().resolve("meta.properties"));
    }

    void write(int port, int controllerPort) {
        String server = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        String log4j = String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                // the full config dump of every client and server object drowns what matters
                "logger.config.name = org.apache.kafka.common.config.AbstractConfig",
                "logger.config.level = WARN",
                "logger.kafkaconfig.name = kafka.server.KafkaConfig",
                "logger.kafkaconfig.level = WARN",
                "");
        try {
            Files.createDirectories(dir);
            Files.writeString(serverProperties(), server);
            Files.writeString(log4jConfig(), log4j);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Kafka configuration under " + dir, e);
        }
    }
}
