package io.teamscpe.e2e;

import io.teamscpe.devstack.RepoRoot;
import io.teamscpe.devstack.Stack;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole suite as users run it, started once for all test classes of the run and stopped after the last one:
 * the five packaged services as their own processes, a real Kafka broker and PostgreSQL, the Graph emulator with
 * the demo scenario and the e2e's own {@link PanelMeeting}s.
 */
final class SharedStack implements BeforeAllCallback {
    private static volatile Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        // the root store closes what it holds (Stack is AutoCloseable) when the whole run ends
        stack = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedStack.class, key -> start(), Stack.class);
    }

    /** The started stack, for test classes that {@code @ExtendWith(SharedStack.class)}, from {@code @BeforeAll} on. */
    static Stack stack() {
        return stack;
    }

    private static Stack start() {
        Path root = RepoRoot.find();
        Stack started = Stack.start(new Stack.Config(root, root.resolve("e2e/target/stack-"
                + ProcessHandle.current().pid()), Stack.Ports.random(), false, Duration.ofMinutes(4)));
        try {
            started.emulator().loadScenario(PanelMeeting.scenario());
        } catch (RuntimeException e) {
            started.stop();
            throw e;
        }
        return started;
    }
}
