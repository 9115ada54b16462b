package dev.resilience.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the engines on the JDK alone: the core module's classes use nothing but the JDK,
 * JSpecify's nullness annotations, and each other.
 *
 * @author Resilience
 */
class CoreIndependenceTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("dev.resilience");

	@Test
	void coreClassesDependOnTheJdkAlone() {
		ArchRule rule = classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify.annotations..", "dev.resilience.core..",
					"dev.resilience.retry..", "dev.resilience.circuitbreaker..", "dev.resilience.ratelimiter..",
					"dev.resilience.bulkhead..", "dev.resilience.timelimiter..", "dev.resilience.saga..");
		rule.check(CLASSES);
	}

	@Test
	void theCoreModuleHoldsEveryEngine() {
		assertThatPackagesAreImported("dev.resilience.core", "dev.resilience.retry", "dev.resilience.circuitbreaker",
				"dev.resilience.ratelimiter", "dev.resilience.bulkhead", "dev.resilience.timelimiter",
				"dev.resilience.saga");
	}

	private static void assertThatPackagesAreImported(String... packages) {
		for (String name : packages) {
			assertThat(CLASSES.containPackage(name)).as(name).isTrue();
		}
	}

}
