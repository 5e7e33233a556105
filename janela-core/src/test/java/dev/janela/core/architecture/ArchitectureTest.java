package dev.janela.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core stays plain Java: no framework, no database, no HTTP, and no library but libphonenumber. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.janela.core");

    @Test
    void core_importsNoFrameworkDatabaseOrHttpTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework..", "jakarta..", "javax.servlet..", "javax.persistence..",
                "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "java.net.http..",
                "com.sun.net.httpserver..", "org.apache.http..", "okhttp3..", "io.micrometer..")
                .because("the core is plain Java; adapters depend on it, never the reverse")
                .check(CORE);
    }

    @Test
    void core_usesOnlyTheJdkAndLibphonenumber() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "dev.janela.core..", "java..", "com.google.i18n.phonenumbers..")
                .because("libphonenumber is the core's only dependency")
                .check(CORE);
    }

    @Test
    void core_wasImported() {
        assertThat(CORE.containPackage("dev.janela.core.engine")).isTrue();
    }
}
