package dev.janela.server;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.janela.server.config.JanelaProperties;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * The server's house rules, as {@code docs/architecture.md} draws them: packages by feature with no cycles between
 * them; a kernel that knows no feature; HTTP only at the edges (the controllers and pages of each feature, and the
 * packages that serve them); use cases in services, never in a controller or a page; settings read in one place.
 */
class ArchitectureTest {
    private static final String SERVER = "dev.janela.server";
    /** What every feature may use, and which itself uses no feature. */
    private static final String[] KERNEL = {SERVER + ".access..", SERVER + ".refusal..", SERVER + ".config..",
        SERVER + ".jdbc..", SERVER + ".operations..", SERVER + ".cluster.."};
    /** The packages that serve the HTTP edge: shared by the API's controllers and the pages. */
    private static final String[] HTTP_EDGE = {SERVER + ".web..", SERVER + ".ui..", SERVER + ".signin..",
        SERVER + ".layout.."};
    private static final String[] HTTP_TYPES = {"jakarta.servlet..", "org.springframework.web..",
        "org.springframework.http..", "org.springframework.ui..", "org.springframework.security.web.."};

    private static final JavaClasses SERVER_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVER);

    /**
     * A REST controller, a page controller, or a servlet filter that answers requests itself (the webhook receiver,
     * in front of the dispatcher): what answers a request.
     */
    private static final DescribedPredicate<JavaClass> CONTROLLERS = describe("controllers and pages",
            type -> !type.isAnnotation()
                    && (type.isMetaAnnotatedWith(Controller.class) || type.isAnnotatedWith(Controller.class)
                            || type.isAssignableTo(Filter.class) && type.getPackageName().startsWith(SERVER)
                                    && !resideInAnyPackage(HTTP_EDGE).test(type)));

    @Test
    void packages_areFreeOfCycles() {
        slices().matching(SERVER + ".(*)..").should().beFreeOfCycles()
                .because("a package that needs another is built on it; two that need each other are one")
                .check(SERVER_CLASSES);
    }

    @Test
    void kernel_knowsNoFeature() {
        noClasses().that().resideInAnyPackage(KERNEL).should().dependOnClassesThat(
                resideInAnyPackage(SERVER + "..").and(describe("outside the kernel",
                        type -> !resideInAnyPackage(KERNEL).test(type))))
                .because("every feature builds on the kernel")
                .check(SERVER_CLASSES);
    }

    @Test
    void httpEdge_knowsNoFeature() {
        noClasses().that().resideInAnyPackage(SERVER + ".web..", SERVER + ".ui..").should().dependOnClassesThat(
                resideInAnyPackage(SERVER + "..").and(describe("outside the kernel and the HTTP edge",
                        type -> !resideInAnyPackage(KERNEL).test(type)
                                && !resideInAnyPackage(SERVER + ".web..", SERVER + ".ui..").test(type))))
                .because("each feature's controllers and pages build on web and ui")
                .check(SERVER_CLASSES);
    }

    @Test
    void onlyTheHttpEdgeAndControllers_knowHttp() {
        noClasses().that().resideOutsideOfPackages(HTTP_EDGE).and(DescribedPredicate.not(CONTROLLERS))
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_TYPES)
                .because("services decide and repositories store whoever asks: an API client, a page, a webhook")
                .check(SERVER_CLASSES);
    }

    @Test
    void onlyTheHttpEdgeAndControllers_useTheWebPackage() {
        noClasses().that().resideOutsideOfPackages(HTTP_EDGE).and(DescribedPredicate.not(CONTROLLERS))
                .should().dependOnClassesThat().resideInAPackage(SERVER + ".web..")
                .because("a service refuses with a Refusal; web alone decides how a refusal is answered")
                .check(SERVER_CLASSES);
    }

    @Test
    void controllersAndPages_callServices_notEachOther() {
        noClasses().that(CONTROLLERS).should().dependOnClassesThat(CONTROLLERS)
                .because("a use case both the API and a page offer lives in a service they both call")
                .check(SERVER_CLASSES);
    }

    @Test
    void controllersAndPages_holdNoTransactions() {
        noClasses().that(CONTROLLERS).should().beAnnotatedWith(Transactional.class)
                .because("a transaction is a use case's, and use cases live in services")
                .check(SERVER_CLASSES);
        noMembers().that().areDeclaredInClassesThat(CONTROLLERS).should().beAnnotatedWith(Transactional.class)
                .because("a transaction is a use case's, and use cases live in services")
                .check(SERVER_CLASSES);
    }

    @Test
    void settings_areReadInConfigAndTheCompositionRootOnly() {
        noClasses().that().resideOutsideOfPackages(SERVER + ".config..", SERVER).should().dependOnClassesThat()
                .areAssignableTo(JanelaProperties.class)
                .orShould().dependOnClassesThat().belongToAnyOf(Environment.class, Value.class,
                        ConfigurationProperties.class, ConditionalOnProperty.class)
                .because("settings are bound and checked once, in config, and handed to the rest as typed values")
                .check(SERVER_CLASSES);
    }

    @Test
    void insertsSayReturningId_notAKeyHolder() {
        noClasses().should().dependOnClassesThat().areAssignableTo(KeyHolder.class)
                .because("the embedded store's driver fetches no generated keys (DatabaseConfiguration): a key holder"
                        + " would be empty there, and filled on PostgreSQL only; an insert that needs its id says"
                        + " 'returning id' on both")
                .check(SERVER_CLASSES);
    }

    @Test
    void theServer_wasImported() {
        assertThat(SERVER_CLASSES.containPackage(SERVER + ".conversation")).isTrue();
    }
}
