package org.vnetlab.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allowed arrows between modules and packages (docs/ARCHITECTURE.md). The console module's
 * test classpath holds every module, so the rules see the whole product.
 */
class ArchitectureTest {

    private static final String[] SIM_MODEL = {"org.vnetlab.sim.kernel..", "org.vnetlab.sim.packet..",
        "org.vnetlab.sim.cpu..", "org.vnetlab.sim.param..", "org.vnetlab.sim.net..", "org.vnetlab.sim.app..",
        "org.vnetlab.sim.model..", "org.vnetlab.sim.forward.."};
    private static final String[] SIM_EXPERIMENT = {"org.vnetlab.sim.experiment..", "org.vnetlab.sim.sweep..",
        "org.vnetlab.sim.validate..", "org.vnetlab.sim.calibrate..", "org.vnetlab.sim.plan..",
        "org.vnetlab.sim.bench.."};

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        // live's test helpers reach this classpath as a jar once packaged (vnetlab-live-*-tests.jar)
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.vnetlab");
    }

    @Test
    void modulesDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("org.vnetlab.core..")
                .layer("config").definedBy("org.vnetlab.config..")
                .layer("sim model").definedBy(SIM_MODEL)
                .layer("sim experiment").definedBy(SIM_EXPERIMENT)
                .layer("sim cluster").definedBy("org.vnetlab.sim.cluster..")
                .layer("live").definedBy("org.vnetlab.live..")
                .layer("console").definedBy("org.vnetlab.console..")
                .whereLayer("console").mayNotBeAccessedByAnyLayer()
                .whereLayer("live").mayOnlyBeAccessedByLayers("console")
                .whereLayer("sim cluster").mayOnlyBeAccessedByLayers("console")
                .whereLayer("sim experiment").mayOnlyBeAccessedByLayers("sim cluster", "console")
                .whereLayer("sim model").mayOnlyBeAccessedByLayers("sim experiment", "sim cluster", "live", "console")
                .whereLayer("config").mayOnlyBeAccessedByLayers("sim model", "sim experiment", "sim cluster", "live",
                        "console")
                .check(product);
    }

    /** Within the model: the kernel at the bottom, the machines a scenario builds at the top. */
    @Test
    void theModelIsLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("kernel").definedBy("org.vnetlab.sim.kernel..")
                .layer("packet").definedBy("org.vnetlab.sim.packet..")
                .layer("cpu").definedBy("org.vnetlab.sim.cpu..")
                .layer("param").definedBy("org.vnetlab.sim.param..")
                .layer("net").definedBy("org.vnetlab.sim.net..")
                .layer("app").definedBy("org.vnetlab.sim.app..")
                .layer("model").definedBy("org.vnetlab.sim.model..")
                .layer("forward").definedBy("org.vnetlab.sim.forward..")
                .whereLayer("forward").mayNotBeAccessedByAnyLayer()
                .whereLayer("model").mayOnlyBeAccessedByLayers("forward")
                .whereLayer("app").mayOnlyBeAccessedByLayers("model", "forward")
                .whereLayer("net").mayOnlyBeAccessedByLayers("app", "model", "forward")
                .whereLayer("param").mayOnlyBeAccessedByLayers("net", "app", "model", "forward")
                .whereLayer("cpu").mayOnlyBeAccessedByLayers("net", "app", "model", "forward")
                .whereLayer("packet").mayOnlyBeAccessedByLayers("param", "net", "app", "model", "forward")
                .check(product);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.vnetlab.(**)").should().beFreeOfCycles().check(product);
    }

    @Test
    void coreKnowsNoPekkoNoFilesNoConfiguration() {
        noClasses().that().resideInAPackage("org.vnetlab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "com.typesafe..",
                        "java.nio.file..", "org.jline..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .check(product);
    }

    @Test
    void theModelKnowsNoActorsAndNoClock() {
        noClasses().that().resideInAnyPackage(SIM_MODEL)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "java.nio.file..")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(product);
    }
}
