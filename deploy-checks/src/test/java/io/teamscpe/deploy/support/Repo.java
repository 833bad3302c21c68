package io.teamscpe.deploy.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths inside the repository (surefire passes the root; an IDE run finds it from the working directory). */
public final class Repo {
    public static final Path ROOT = findRoot();
    public static final Path CHART = ROOT.resolve("deploy/helm/teams-cpe");
    public static final Path PRODUCTION_VALUES = CHART.resolve("values-production.yaml");
    public static final Path PLATFORM = ROOT.resolve("deploy/platform");
    public static final Path README = ROOT.resolve("deploy/README.md");

    private Repo() {
    }

    private static Path findRoot() {
        String given = System.getProperty("teamscpe.repo.root");
        Path dir = (given != null ? Path.of(given) : Path.of("").toAbsolutePath()).normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/helm/teams-cpe")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (deploy/helm/teams-cpe) above " + dir);
    }
}
