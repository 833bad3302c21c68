package io.teamscpe.platform.config;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

import jakarta.annotation.Priority;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Production has no local defaults: a service started without a setting it needs stops before anything connects,
 * with one line on stderr naming every missing setting and its environment variable, and exit code 1. It halts
 * the JVM itself: thrown, the failure would reach Quarkus before its logging is set up, which then prints every
 * message queued at static init (Hibernate's banners) around it.
 * <p>
 * The settings are listed in {@value #COMMON} (platform's, for every service) and {@value #OWN} (the service's
 * own), set in the {@code prod} profile only: dev, test and the local run ({@code QUARKUS_PROFILE=local}) keep
 * the local run's localhost defaults. The check runs once, on the first setting read once the application has
 * left static init (never while the build reads configuration), before any recorder connects to anything.
 */
@Priority(Priorities.APPLICATION + 100)
public final class RequiredSettings implements ConfigSourceInterceptor {
    private static final long serialVersionUID = 1L;
    static final String COMMON = "teamscpe.startup.required";
    static final String OWN = "teamscpe.startup.service-required";

    private final AtomicBoolean checked = new AtomicBoolean();
    private final transient BooleanSupplier running;
    private final transient Consumer<String> stop;

    public RequiredSettings() {
        // not at static init: a failure there is an ExceptionInInitializerError, printed with its stack trace
        this(() -> ExecutionMode.current() == ExecutionMode.RUNTIME_INIT
                || ExecutionMode.current() == ExecutionMode.RUNNING, RequiredSettings::halt);
    }

    RequiredSettings(BooleanSupplier running, Consumer<String> stop) {
        this.running = running;
        this.stop = stop;
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!checked.get() && running.getAsBoolean() && checked.compareAndSet(false, true)) {
            List<String> missing = missing(context);
            if (!missing.isEmpty()) {
                stop.accept(message(missing));
                throw new ConfigurationException(message(missing), Set.copyOf(missing));
            }
        }
        return context.proceed(name);
    }

    /** Nothing has started yet: no connection to close, no request in flight. */
    private static void halt(String message) {
        System.err.println(message);
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }

    static List<String> missing(ConfigSourceInterceptorContext context) {
        Set<String> required = new LinkedHashSet<>();
        required.addAll(list(context.proceed(COMMON)));
        required.addAll(list(context.proceed(OWN)));
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (blank(context.proceed(name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    static String message(List<String> missing) {
        List<String> named = missing.stream().map(n -> n + " (env " + envName(n) + ")").toList();
        return (missing.size() == 1 ? "Missing setting " : "Missing settings ") + String.join(", ", named)
                + ": production has no defaults for where the service connects or its secrets; set "
                + (missing.size() == 1 ? "it" : "them")
                + " (Kubernetes: the chart's Secrets and values), or run with QUARKUS_PROFILE=local for the local run";
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static List<String> list(ConfigValue value) {
        if (blank(value)) {
            return List.of();
        }
        return List.of(value.getValue().split("\\s*,\\s*")).stream().map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    private static boolean blank(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }
}
