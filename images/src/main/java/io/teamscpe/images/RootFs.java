package io.teamscpe.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/** The image's file tree, staged on disk: what the image holds, and where its start-up archive is made. */
final class RootFs {
    private RootFs() {
    }

    /** The part every service shares: Java, its system libraries, a passwd naming user 185, /tmp. */
    static void stageJava(Path rootfs) throws IOException, InterruptedException {
        JavaRuntime.link(rootfs);
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "teamscpe:x:185:185:Teams CPE service:/deployments:/sbin/nologin\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), "root:x:0:\nteamscpe:x:185:\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n", StandardCharsets.UTF_8);
        // Kubernetes mounts its own; the start-up archive's training run (chroot) resolves localhost with it
        Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n", StandardCharsets.UTF_8);
        Files.createDirectories(rootfs.resolve("tmp"));
        // mount points of the chroot runs (not in the image: a container runtime makes its own)
        Files.createDirectories(rootfs.resolve("proc"));
        Files.createDirectories(rootfs.resolve("dev"));
    }

    /** A service's tree: the shared part hard-linked (no copy), its packaged app under /deployments. */
    static void stageService(Path java, Path quarkusApp, Path rootfs) throws IOException {
        FileTrees.delete(rootfs);
        Files.walkFileTree(java, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(rootfs.resolve(java.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.createLink(rootfs.resolve(java.relativize(file).toString()), file);
                return FileVisitResult.CONTINUE;
            }
        });
        Path deployments = rootfs.resolve(ServiceImage.APP.substring(1));
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = deployments.resolve(quarkusApp.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        fixTimes(rootfs);
    }

    /** Every file gets the image's file time: the start-up archive records its jars' times and checks them. */
    static void fixTimes(Path rootfs) throws IOException {
        FileTime time = FileTime.from(ServiceImage.FILE_TIME);
        try (Stream<Path> files = Files.walk(rootfs)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!Files.isSymbolicLink(file)) {
                    Files.setLastModifiedTime(file, time);
                }
            }
        }
    }
}
