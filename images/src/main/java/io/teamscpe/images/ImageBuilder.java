package io.teamscpe.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Builds the services' images as tarballs, {@code images/target/images/<service>.tar}, tagged
 * {@code <repository>/<service>:<version>} ({@code docker load -i}, {@code skopeo copy docker-archive:...}).
 * Arguments: repository root, version, image repository, revision, then the service modules (already packaged).
 */
public final class ImageBuilder {
    private static final Logger LOG = Logger.getLogger(ImageBuilder.class);

    private ImageBuilder() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        String version = args[1];
        String repository = args[2];
        String revision = args[3].isBlank() ? revision(repo) : args[3];
        List<String> modules = List.of(args).subList(4, args.length);
        if (version.isBlank() || version.equals("latest")) {
            throw new IllegalArgumentException("images are tagged with the project version, never 'latest'");
        }
        Path out = repo.resolve("images/target/images");
        Path work = out.resolve("work");
        Path java = work.resolve("java");
        FileTrees.delete(java);
        RootFs.stageJava(java);
        RootFs.fixTimes(java);
        boolean chroot = Chroot.available();
        if (!chroot) {
            LOG.warn("unshare/chroot not available (not root?): images are built without start-up archives");
        }
        for (String module : modules) {
            Path quarkusApp = repo.resolve(module).resolve("target/quarkus-app");
            if (!Files.isRegularFile(quarkusApp.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(quarkusApp + " is missing: package " + module + " first");
            }
            Path rootfs = work.resolve(module);
            RootFs.stageService(java, quarkusApp, rootfs);
            if (chroot) {
                StartupArchive.train(rootfs, module, Files.createDirectories(work.resolve("logs"))
                        .resolve(module + "-training.log"));
            }
            Path tar = out.resolve(module + ".tar");
            String name = repository + "/" + module + ":" + version;
            ServiceImage.build(rootfs, module, version, revision, name, tar, work.resolve("jib-cache"));
            LOG.infof("%s: %s (%d MB)", name, tar, Files.size(tar) >> 20);
        }
        System.exit(0);
    }

    /** The commit the images are built from (a label), or "unknown" outside a git work tree. */
    private static String revision(Path repo) {
        try {
            return Commands.output(List.of("git", "-C", repo.toString(), "rev-parse", "HEAD")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
