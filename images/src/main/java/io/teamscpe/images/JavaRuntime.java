package io.teamscpe.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The image's Java: a runtime linked by {@code jlink} from the building JDK's modules (with its default CDS
 * archive), plus the few native libraries it needs from this machine (glibc, libstdc++, zlib), copied to the paths
 * the dynamic loader looks in. No base image: none can be pulled here, and none is needed.
 */
final class JavaRuntime {
    /** What a Quarkus service uses (JDBC, JMX/Micrometer, Kerberos/SASL for Kafka, POI's java.desktop, JFR). */
    static final List<String> MODULES = List.of("java.base", "java.compiler", "java.datatransfer", "java.desktop",
            "java.instrument", "java.logging", "java.management", "java.management.rmi", "java.naming",
            "java.net.http", "java.prefs", "java.rmi", "java.scripting", "java.security.jgss", "java.security.sasl",
            "java.sql", "java.sql.rowset", "java.transaction.xa", "java.xml", "java.xml.crypto", "jdk.charsets",
            "jdk.crypto.cryptoki", "jdk.crypto.ec", "jdk.jfr", "jdk.localedata", "jdk.management",
            "jdk.management.jfr", "jdk.naming.dns", "jdk.net", "jdk.security.auth", "jdk.security.jgss",
            "jdk.unsupported", "jdk.zipfs");
    /** Native libraries of the desktop (X11, fonts, sound): a headless service never loads them. */
    private static final Set<String> DESKTOP = Set.of("libawt_xawt.so", "libsplashscreen.so", "libjsound.so",
            "libfontmanager.so", "liblcms.so", "libjavajpeg.so", "libmlib_image.so");
    static final String JAVA_HOME = "/opt/java";

    private JavaRuntime() {
    }

    /** Links the runtime into {@code rootfs}/opt/java and copies the system libraries it needs into {@code rootfs}. */
    static void link(Path rootfs) throws IOException, InterruptedException {
        Path javaHome = rootfs.resolve(JAVA_HOME.substring(1));
        Files.createDirectories(javaHome.getParent());
        Path jdk = Path.of(System.getProperty("java.home"));
        Commands.run(List.of(jdk.resolve("bin/jlink").toString(), "--module-path", jdk.resolve("jmods").toString(),
                "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-man-pages",
                "--no-header-files", "--generate-cds-archive", "--output", javaHome.toString()));
        for (Path library : systemLibraries(javaHome)) {
            Path target = rootfs.resolve(library.toString().substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(library.toRealPath(), target);
        }
    }

    /** The libraries outside the runtime that {@code ldd} finds for its launcher and native libraries. */
    static Set<Path> systemLibraries(Path javaHome) throws IOException, InterruptedException {
        List<Path> objects = new ArrayList<>();
        objects.add(javaHome.resolve("bin/java"));
        try (Stream<Path> files = Files.walk(javaHome.resolve("lib"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".so"))
                    .filter(f -> !DESKTOP.contains(f.getFileName().toString())).forEach(objects::add);
        }
        Set<Path> libraries = new TreeSet<>();
        for (Path object : objects) {
            for (String line : Commands.output(List.of("ldd", object.toString())).split("\n")) {
                String path = line.contains("=>") ? line.split("=>")[1].trim() : line.trim();
                path = path.split("\\s+")[0];
                if (path.startsWith("/") && !path.startsWith(javaHome.toString())) {
                    libraries.add(Path.of(path));
                }
            }
        }
        return libraries;
    }
}
