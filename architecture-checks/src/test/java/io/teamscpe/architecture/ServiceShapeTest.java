package io.teamscpe.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service has the same shape, and its arrows only point down:
 * {@code rest > api > service > messaging > store > domain}, with meeting-platform specifics in {@code microsoft/}
 * behind seams and {@code config/} wiring. The domain is the service's root package and any other sub-package
 * ({@code credit/}, {@code parse/}, {@code reconcile/}, ...). See docs/architecture.md, "Inside a service".
 */
class ServiceShapeTest {
    static final List<String> SERVICES = List.of("credential", "session", "attendance", "polling", "reporting");
    private static final Set<String> ROLES = Set.of("rest", "api", "service", "messaging", "store", "microsoft",
            "config");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.teamscpe");
    }

    static List<String> services() {
        return SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void arrowsPointDown(String service) {
        String root = "io.teamscpe." + service;
        assertThat(classes.that(JavaClass.Predicates.resideInAPackage(root + "..")))
                .as("the compiled classes of " + service + " (else this check would pass on nothing)").isNotEmpty();
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("rest").definedBy(root + ".rest..")
                .layer("api").definedBy(root + ".api..")
                .layer("service").definedBy(root + ".service..")
                .layer("messaging").definedBy(root + ".messaging..")
                .layer("store").definedBy(root + ".store..")
                .layer("microsoft").definedBy(root + ".microsoft..")
                .layer("config").definedBy(root + ".config..")
                .layer("domain").definedBy(domainOf(root))
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "microsoft", "config")
                .whereLayer("messaging").mayOnlyBeAccessedByLayers("service", "config")
                .whereLayer("store").mayOnlyBeAccessedByLayers("service", "messaging", "microsoft", "config")
                .whereLayer("microsoft").mayOnlyBeAccessedByLayers("config")
                .whereLayer("domain").mayOnlyAccessLayers("domain", "config")
                .because("each package may only use those below it, so a newcomer knows where a change goes")
                .check(classes);
    }

    @ParameterizedTest
    @MethodSource("services")
    void servicesNeverUseEachOther(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "io.teamscpe." + s + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("io.teamscpe." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk over REST and Kafka only: shared code goes to platform, events to contracts")
                .check(classes);
    }

    @org.junit.jupiter.api.Test
    void platformAndContractsKnowNoService() {
        String[] services = SERVICES.stream().map(s -> "io.teamscpe." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("io.teamscpe.platform..", "io.teamscpe.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage(services)
                .because("platform and contracts sit below every service").check(classes);
        noClasses().that().resideInAPackage("io.teamscpe.contracts..")
                .should().dependOnClassesThat().resideInAPackage("io.teamscpe.platform..")
                .because("contracts are the events' shape alone, readable by any consumer").check(classes);
    }

    private static DescribedPredicate<JavaClass> domainOf(String root) {
        return DescribedPredicate.describe("in " + root + " outside its role packages", c -> {
            String pkg = c.getPackageName();
            if (pkg.equals(root)) {
                return true;
            }
            if (!pkg.startsWith(root + ".")) {
                return false;
            }
            String first = pkg.substring(root.length() + 1).split("\\.")[0];
            return !ROLES.contains(first);
        });
    }
}
