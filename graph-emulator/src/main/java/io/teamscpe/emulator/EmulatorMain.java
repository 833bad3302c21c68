package io.teamscpe.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** The command line: starts one emulator, loads a scenario, runs until the JVM is asked to stop. */
final class EmulatorMain {

    private EmulatorMain() {
    }

    @SuppressWarnings("java:S106") // the command line prints where it listens
    static void run(String[] args) {
        int port = 8090;
        String scenario = "demo";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--scenario" -> scenario = value(args, ++i, "--scenario");
                case "--help", "-h" -> {
                    System.out.println("usage: graph-emulator [--port 8090] [--scenario demo|<path to scenario.json>]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "' (try --help)");
            }
        }
        GraphEmulator emulator = GraphEmulator.start(port);
        if ("demo".equals(scenario)) {
            emulator.loadScenario(DemoScenario.build());
        } else {
            emulator.loadScenario(read(Path.of(scenario)));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "graph-emulator-shutdown"));
        System.out.println("Graph emulator listening on " + emulator.baseUrl() + " (scenario: " + scenario + ")");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + path, e);
        }
    }
}
