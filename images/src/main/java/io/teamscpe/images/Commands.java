package io.teamscpe.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Running a build tool and failing with its output when it fails. */
final class Commands {
    private Commands() {
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        output(command);
    }

    static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
