package dev.resilience.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What the header of a results page says about the run: the JDK, the machine, its load,
 * and the versions measured.
 *
 * @author Resilience
 * @since 0.1.0
 */
final class RunHeader {

	private static final String UNKNOWN = "unknown";

	private RunHeader() {
	}

	/**
	 * Start a results page: its title, then each header line as a list item.
	 * @param title the page's title
	 * @param header the header lines
	 * @return the page so far, to append the table to
	 */
	static StringBuilder start(String title, List<String> header) {
		StringBuilder page = new StringBuilder();
		page.append("# ").append(title).append("\n\n");
		for (String line : header) {
			page.append("- ").append(line).append('\n');
		}
		return page.append('\n');
	}

	/**
	 * Describe the JDK that runs the benchmarks.
	 * @return for example {@code JDK: Debian OpenJDK 64-Bit Server VM 17.0.15+6}
	 */
	static String jdk() {
		return "JDK: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.runtime.version");
	}

	/**
	 * Describe the machine and its load during the run.
	 * @param loadBefore the load average before the run
	 * @return the header line
	 */
	static String machine(double loadBefore) {
		return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (available processors), "
				+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + String.format(Locale.ROOT,
						"; load average %.1f before the run, %.1f after", loadBefore, loadAverage());
	}

	/**
	 * Return the system load average of the last minute: anything else running on the
	 * same cores shows in every number.
	 * @return the load average
	 */
	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * Return the versions the build wrote to {@code benchmarks.properties}.
	 * @return the versions, by Maven property name
	 */
	static Properties versions() {
		return load("/benchmarks.properties");
	}

	/**
	 * Return the version of a library on the class path, from the {@code pom.properties}
	 * that Maven put in its jar.
	 * @param groupId the library's group
	 * @param artifactId the library's artifact
	 * @return the version, or {@code unknown}
	 */
	static String version(String groupId, String artifactId) {
		return load("/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties").getProperty("version",
				UNKNOWN);
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = RunHeader.class.getResourceAsStream(resource)) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
