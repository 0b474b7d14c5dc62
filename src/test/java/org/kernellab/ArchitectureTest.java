package org.kernellab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the app relies on, checked on the compiled classes (so fully qualified names and every other way of
 * referring to a class count): compute ← data ← model ← ui and cli; JavaFX only in ui and the benchmarks; ND4J only
 * in the compute core and the model; view-models free of controls; no package cycles (the ui's lesson packages,
 * shell, core services and widgets included); widgets that know no lesson and no shell; state behind accessors; no
 * mutable statics.
 */
@AnalyzeClasses(packages = "org.kernellab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("i18n")
            .definedBy("org.kernellab.i18n..")
            .layer("install")
            .definedBy("org.kernellab.install..")
            .layer("compute")
            .definedBy("org.kernellab.compute..")
            .layer("data")
            .definedBy("org.kernellab.data..")
            .layer("mesh")
            .definedBy("org.kernellab.mesh..")
            .layer("model")
            .definedBy("org.kernellab.model..")
            .layer("lesson")
            .definedBy("org.kernellab.lesson..")
            .layer("cli")
            .definedBy("org.kernellab.cli..")
            .layer("ui")
            .definedBy("org.kernellab.ui..")
            .layer("launcher")
            .definedBy("org.kernellab")
            .whereLayer("launcher")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("cli")
            .mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("ui")
            .mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("lesson")
            .mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("model")
            .mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("mesh")
            .mayOnlyBeAccessedByLayers("model", "ui", "cli")
            .whereLayer("data")
            .mayOnlyBeAccessedByLayers("mesh", "model", "ui", "cli")
            .whereLayer("compute")
            .mayOnlyBeAccessedByLayers("data", "mesh", "model", "lesson", "ui", "cli")
            .whereLayer("install")
            .mayOnlyBeAccessedByLayers("ui", "cli", "launcher");

    @ArchTest
    static final ArchRule noJavaFxBelowTheUi = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.kernellab.compute..",
                    "org.kernellab.data..",
                    "org.kernellab.mesh..",
                    "org.kernellab.model..",
                    "org.kernellab.lesson..",
                    "org.kernellab.i18n..",
                    "org.kernellab.cli..",
                    "org.kernellab.install..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..")
            .because("the compute side is unit-tested and used from the command line without a display");

    @ArchTest
    static final ArchRule nd4jOnlyInTheComputeCore = noClasses()
            .that()
            .resideOutsideOfPackages("org.kernellab.compute..", "org.kernellab.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.nd4j..")
            .because(
                    "views and the command line go through the compute core, which checks every op against reference loops");

    @ArchTest
    static final ArchRule viewModelsHoldNoControls = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .or()
            .resideInAPackage("org.kernellab.ui.viewmodel..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "org.kernellab.ui.widgets..")
            .because("view-models are tested without a window");

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("org.kernellab.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule widgetsKnowNoShellAndNoLesson = classes()
            .that()
            .resideInAPackage("org.kernellab.ui.widgets..")
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage("org.kernellab.ui..")
                    .or(resideInAnyPackage(
                            "org.kernellab.ui.widgets..",
                            "org.kernellab.ui.core..",
                            "org.kernellab.ui.task..",
                            "org.kernellab.ui.viewmodel..")))
            .because("a widget is reused by every lesson: it knows the language, theme and tasks, not who shows it");

    @ArchTest
    static final ArchRule servicesComeFromTheAppContext = noClasses()
            .that()
            .resideInAPackage("org.kernellab.ui.widgets..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.kernellab.ui.core.AppContext")
            .because("widgets get what they need passed in, so a test builds one without an app");

    @ArchTest
    static final ArchRule viewModelsExposeStateThroughAccessors = fields().that()
            .areDeclaredInClassesThat()
            .resideInAPackage("org.kernellab.ui..")
            .and()
            .areNotStatic()
            .should()
            .notBePublic()
            .because("a view's binding goes through xProperty(), so a view-model can change how it keeps its state");

    @ArchTest
    static final ArchRule noMutableStatics = fields().that()
            .areStatic()
            .and()
            .areDeclaredInClassesThat()
            .resideInAPackage("org.kernellab..")
            .should()
            .beFinal()
            .because("services (number format, threads, caches, executors) are owned by the app and passed in");
}
