package io.teamscpe.deploy.support;

import io.teamscpe.contracts.Topic;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service does with Kafka, read from its code: the topics it publishes to (the contracts event types its
 * outbox publishes, each under a {@link Topic}), the topics it consumes, its consumer groups and dead-letter topics
 * (its application.properties channels).
 */
public record KafkaUsage(Set<String> produces, Set<String> consumes, Set<String> groups, Set<String> deadLetters) {
    /** One ACL: resource type (topic, group), resource name, operation. */
    public record Acl(String type, String name, String operation) {
        @Override
        public String toString() {
            return operation + " on " + type + " " + name;
        }
    }

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern CONTRACT_IMPORT = Pattern.compile("^import (io\\.teamscpe\\.contracts\\.[\\w.]+);",
            Pattern.MULTILINE);

    public static KafkaUsage of(SuiteService s) {
        Set<String> produces = new TreeSet<>(outboxTopics(s.module().resolve("src/main/java")));
        Set<String> consumes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Properties p = properties(s.module().resolve("src/main/resources/application.properties"));
        for (String key : p.stringPropertyNames()) {
            Matcher m = CHANNEL.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String prefix = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
            String topic = p.getProperty(prefix + "topic", m.group(2));
            switch (m.group(1) + ":" + m.group(3)) {
                case "outgoing:connector" -> produces.add(topic);
                case "incoming:connector" -> consumes.add(topic);
                case "incoming:group.id" -> groups.add(p.getProperty(key));
                case "incoming:failure-strategy" -> {
                    if (p.getProperty(key).equals("dead-letter-queue")) {
                        deadLetters.add(p.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + topic));
                    }
                }
                default -> {
                }
            }
        }
        return new KafkaUsage(produces, consumes, groups, deadLetters);
    }

    /** The ACLs this usage needs: no more (least privilege), no less (the service would fail). */
    public Set<Acl> requiredAcls() {
        Set<Acl> acls = new TreeSet<>(java.util.Comparator.comparing(Acl::toString));
        produces.forEach(t -> {
            acls.add(new Acl("topic", t, "Write"));
            acls.add(new Acl("topic", t, "Describe"));
        });
        deadLetters.forEach(t -> {
            acls.add(new Acl("topic", t, "Write"));
            acls.add(new Acl("topic", t, "Describe"));
        });
        consumes.forEach(t -> {
            acls.add(new Acl("topic", t, "Read"));
            acls.add(new Acl("topic", t, "Describe"));
        });
        groups.forEach(g -> acls.add(new Acl("group", g, "Read")));
        return acls;
    }

    /** Topics of the contracts event types imported by the sources that publish through the outbox. */
    private static Set<String> outboxTopics(Path sources) {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                if (!code.contains("outbox.publish")) {
                    continue;
                }
                Matcher m = CONTRACT_IMPORT.matcher(code);
                while (m.find()) {
                    String topic = topicOf(load(m.group(1)));
                    if (topic != null) {
                        topics.add(topic);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    private static String topicOf(Class<?> type) {
        if (type == null) {
            return null;
        }
        Topic topic = type.getAnnotation(Topic.class);
        if (topic != null) {
            return topic.value();
        }
        for (Class<?> i : type.getInterfaces()) {
            String t = topicOf(i);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The imported class; a nested type is imported as Outer.Inner, its binary name is Outer$Inner. */
    private static Class<?> load(String name) {
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate);
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0 || !Character.isUpperCase(candidate.charAt(candidate.lastIndexOf('.', dot - 1) + 1))) {
                    throw new IllegalStateException("a service imports " + name + ", which the contracts jar on "
                            + "the test classpath lacks: is ~/.m2's io.teamscpe:contracts stale? Run the reactor.", e);
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }

    private static Properties properties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.stringPropertyNames().stream().filter(k -> k.startsWith("%")).forEach(p::remove);
        return p;
    }
}
