package dev.resilience.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property reference of the README ({@code ### Properties} under
 * {@code ## Reference}): each documented property with its default and what it allows, as
 * written.
 *
 * @author Resilience
 */
final class ReferenceTables {

	private static final Pattern PREFIX = Pattern.compile("`(resilience\\.[a-z.-]+)\\.\\*`");

	private static final Pattern TOP_LEVEL = Pattern.compile("^`(resilience\\.[a-z-]+)` \\(default `([^`]*)`\\)");

	private ReferenceTables() {
	}

	/**
	 * Read the documented properties of the README at the root of the repository.
	 * @return the rows by full property name, in document order
	 * @throws IOException if the README cannot be read
	 */
	static Map<String, Row> read() throws IOException {
		Path readme = Path.of("..", "README.md");
		if (!Files.exists(readme)) {
			readme = Path.of("README.md");
		}
		return parse(Files.readAllLines(readme, StandardCharsets.UTF_8));
	}

	static Map<String, Row> parse(List<String> lines) {
		Map<String, Row> rows = new LinkedHashMap<>();
		int start = lines.indexOf("### Properties");
		if (start < 0) {
			throw new IllegalStateException("The README has no '### Properties' section");
		}
		String prefix = null;
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("#")) {
				break;
			}
			Matcher topLevel = TOP_LEVEL.matcher(line);
			if (topLevel.find()) {
				rows.put(topLevel.group(1), new Row(topLevel.group(2), ""));
			}
			else if (line.startsWith("| `") && prefix != null) {
				String[] cells = line.substring(1).split("\\|");
				String property = prefix + unquote(cells[0]);
				if (rows.put(property, new Row(unquote(cells[1]), cells[2].trim())) != null) {
					throw new IllegalStateException(property + " is documented twice");
				}
			}
			else if (!line.startsWith("|")) {
				Matcher table = PREFIX.matcher(line);
				if (table.find()) {
					prefix = table.group(1) + ".";
				}
			}
		}
		return rows;
	}

	private static String unquote(String cell) {
		String text = cell.trim();
		return (text.length() > 1 && text.startsWith("`") && text.endsWith("`")) ? text.substring(1, text.length() - 1)
				: text;
	}

	/**
	 * One documented property.
	 *
	 * @param defaultValue the default, as written without its backquotes
	 * @param allowed what the property allows, as written
	 */
	record Row(String defaultValue, String allowed) {

	}

}
