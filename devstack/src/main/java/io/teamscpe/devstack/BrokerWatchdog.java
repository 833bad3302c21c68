package io.teamscpe.devstack;

/**
 * Main class of the broker JVM: runs {@code kafka.Kafka} and exits (running Kafka's own clean shutdown) as soon as
 * the JVM that started it is gone, so a killed test run or supervisor never leaves a broker behind.
 * Uses only the JDK: it runs on the broker's class path next to the broker's jars.
 */
public final class BrokerWatchdog {
    static final String PARENT_PID = "teamscpe.parent.pid";

    private BrokerWatchdog() {
    }

    public static void main(String[] args) throws Exception {
        String parent = System.getProperty(PARENT_PID);
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    p -> p.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }
        try {
            Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
