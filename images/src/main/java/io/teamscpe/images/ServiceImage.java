package io.teamscpe.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's image, written as a {@code docker load}-able tarball by Jib (no daemon): the linked Java runtime,
 * the packaged Quarkus app under /deployments, run as user 185 with container-aware heap and, when one was made,
 * the app's start-up archive (AppCDS). Every file time and the creation time are fixed: the same inputs give the
 * same layers.
 */
final class ServiceImage {
    static final String USER = "185:185";
    static final String APP = "/deployments";
    static final String ARCHIVE = APP + "/app-cds.jsa";
    /** The same instant Jib gives files by default; staged files get it too, so the archive's jar checks hold. */
    static final Instant FILE_TIME = Instant.ofEpochSecond(1);

    private ServiceImage() {
    }

    /** The JVM command line, with the archive to use ({@code -XX:SharedArchiveFile}) or to make. */
    static List<String> command(String archiveOption) {
        List<String> command = new ArrayList<>(List.of(JavaRuntime.JAVA_HOME + "/bin/java",
                "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=/tmp"));
        if (archiveOption != null) {
            command.add(archiveOption);
            command.add("-Xshare:auto");
        }
        command.addAll(List.of("-jar", APP + "/quarkus-run.jar"));
        return command;
    }

    /**
     * Writes {@code name} ({@code repository/module:version}) to {@code tar} from the staged {@code rootfs}
     * ({@code opt/java}, system libraries, {@code etc}, {@code tmp}; {@code deployments} with the app).
     */
    static void build(Path rootfs, String module, String version, String revision, String name, Path tar, Path cache)
            throws Exception {
        boolean archived = Files.isRegularFile(rootfs.resolve(ARCHIVE.substring(1)));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", module);
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.revision", revision);
        labels.put("org.opencontainers.image.vendor", "Teams CPE");
        labels.put("io.teamscpe.startup-archive", archived ? ARCHIVE : "none");
        JibContainerBuilder image = Jib.fromScratch()
                .setFileEntriesLayers(layers(rootfs))
                .setEntrypoint(command(archived ? "-XX:SharedArchiveFile=" + ARCHIVE : null))
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(APP))
                .setExposedPorts(Port.tcp(8080), Port.tcp(9000))
                .setEnvironment(Map.of("LANG", "C.UTF-8"))
                .setLabels(labels)
                .setCreationTime(Instant.EPOCH);
        image.containerize(Containerizer.to(TarImage.at(tar).named(name)).setOfflineMode(true)
                .setBaseImageLayersCache(cache).setApplicationLayersCache(cache));
    }

    /** From most to least shared: the runtime (the same for every service), the libraries, Quarkus, the app. */
    private static List<FileEntriesLayer> layers(Path rootfs) throws IOException {
        String deployments = APP.substring(1);
        List<FileEntriesLayer> layers = new ArrayList<>();
        layers.add(layer("java", rootfs, List.of("opt", "lib", "lib64", "usr", "etc", "tmp")));
        layers.add(layer("dependencies", rootfs, List.of(deployments + "/lib")));
        layers.add(layer("quarkus", rootfs, List.of(deployments + "/quarkus", deployments + "/quarkus-run.jar")));
        layers.add(layer("application", rootfs, List.of(deployments + "/app", ARCHIVE.substring(1))));
        return layers;
    }

    private static FileEntriesLayer layer(String name, Path rootfs, List<String> paths) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        for (String path : paths) {
            Path source = rootfs.resolve(path);
            if (Files.exists(source)) {
                layer.addEntryRecursive(source, AbsoluteUnixPath.get("/" + path),
                        (file, target) -> permissions(file, target), (file, target) -> FILE_TIME);
            }
        }
        return layer.build();
    }

    private static FilePermissions permissions(Path file, AbsoluteUnixPath target) {
        if (target.toString().equals("/tmp")) {
            return FilePermissions.fromOctalString("777");
        }
        try {
            boolean executable = Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
            return Files.isDirectory(file) || executable ? FilePermissions.fromOctalString("755")
                    : FilePermissions.fromOctalString("644");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
