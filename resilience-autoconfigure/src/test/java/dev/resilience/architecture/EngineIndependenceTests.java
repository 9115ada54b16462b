package dev.resilience.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the engines plain Java, usable without Spring, Micrometer or Reactor, and the
 * annotations too; the core module checks its own classes in
 * {@code CoreIndependenceTests}.
 *
 * @author Resilience
 */
class EngineIndependenceTests {

	private static final String[] ENGINE_PACKAGES = { "dev.resilience.core..", "dev.resilience.retry",
			"dev.resilience.circuitbreaker", "dev.resilience.ratelimiter", "dev.resilience.bulkhead",
			"dev.resilience.timelimiter", "dev.resilience.saga" };

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// the core module's test jar, whose tests may use Spring to make real failures
		.withImportOption((location) -> !location.contains("-tests.jar"))
		.importPackages("dev.resilience");

	@Test
	void enginesAndAnnotationsDependOnNoFramework() {
		ArchRule rule = noClasses().that()
			.resideInAnyPackage(ENGINE_PACKAGES)
			.or()
			.resideInAPackage("dev.resilience.annotation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "reactor..", "tools.jackson..",
					"com.fasterxml.jackson..");
		rule.check(CLASSES);
	}

	@Test
	void enginesDoNotDependOnSpringGlue() {
		ArchRule rule = noClasses().that()
			.resideInAnyPackage(ENGINE_PACKAGES)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.resilience.aop..", "dev.resilience.autoconfigure..", "dev.resilience.actuate..",
					"dev.resilience.web..");
		rule.check(CLASSES);
	}

}
