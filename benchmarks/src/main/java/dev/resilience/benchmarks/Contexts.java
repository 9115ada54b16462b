package dev.resilience.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring Boot application a benchmark calls into: no web server, no banner,
 * and only the configuration it is given, so that the libraries measured never see each
 * other.
 *
 * @author Resilience
 * @since 0.1.0
 */
public final class Contexts {

	private static final List<String> QUIET = List.of("logging.level.root=warn", "spring.main.log-startup-info=false");

	private Contexts() {
	}

	/**
	 * Start an application.
	 * @param configuration the configuration class, which imports the auto-configuration
	 * it needs explicitly
	 * @param properties properties as {@code key=value}
	 * @return the running context, to be closed by the caller
	 */
	public static ConfigurableApplicationContext start(Class<?> configuration, String... properties) {
		List<String> all = new ArrayList<>(QUIET);
		all.addAll(Arrays.asList(properties));
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.properties(all.toArray(String[]::new))
			.run();
	}

}
