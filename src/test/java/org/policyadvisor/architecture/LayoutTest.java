package org.policyadvisor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The layout the README describes, checked: the public API (the root package) depends on nothing else of the
 * project; only {@code engine} touches Drools and KIE; only {@code http} touches Vert.x; the command line and the
 * service only translate; and no two packages depend on each other.
 */
@AnalyzeClasses(packages = "org.policyadvisor", importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class, ImportOption.DoNotIncludeArchives.class})
class LayoutTest {

    @ArchTest
    static final ArchRule only_engine_uses_drools = noClasses().that().resideOutsideOfPackage("org.policyadvisor.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
            .because("the engine is the one place that knows Drools");

    @ArchTest
    static final ArchRule only_http_uses_vertx = noClasses().that().resideOutsideOfPackage("org.policyadvisor.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..")
            .because("the service is the one front end on Vert.x; the CLI starts it through http.Server");

    @ArchTest
    static final ArchRule the_api_depends_inward_on_nothing = noClasses().that().resideInAPackage("org.policyadvisor")
            .should().dependOnClassesThat().resideInAnyPackage("org.policyadvisor.(*)..")
            .because("embedders import the root package; engines and front ends depend on it, not the reverse");

    @ArchTest
    static final ArchRule the_library_has_no_front_end_or_logging_binding = noClasses().that()
            .resideOutsideOfPackages("org.policyadvisor.cli..", "org.policyadvisor.http..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "ch.qos.logback..")
            .because("an embedder receives the library without a CLI library or a logging binding");

    @ArchTest
    static final ArchRule front_ends_do_not_reach_into_each_other = noClasses().that()
            .resideInAPackage("org.policyadvisor.http..")
            .should().dependOnClassesThat().resideInAnyPackage("org.policyadvisor.cli..");

    @ArchTest
    static final ArchRule no_package_cycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals("org.policyadvisor")) {
                return SliceIdentifier.of("api");
            }
            if (pkg.startsWith("org.policyadvisor.")) {
                return SliceIdentifier.of(pkg.substring("org.policyadvisor.".length()).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of org.policyadvisor, the root package as 'api'";
        }
    }).should().beFreeOfCycles();
}
