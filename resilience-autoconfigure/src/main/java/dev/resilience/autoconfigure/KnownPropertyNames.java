package dev.resilience.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.resilience.core.internal.SimilarNames;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * The names a {@link ConfigurationProperties @ConfigurationProperties} JavaBean tree
 * binds, read from its classes, to tell what a user meant by a name it does not bind.
 * Nested groups are the tree's own classes (those of its package or below); a {@code Map}
 * property takes any key, followed by its value's names.
 *
 * @author Resilience
 */
final class KnownPropertyNames {

	private final ConfigurationPropertyName prefix;

	private final Node root;

	private KnownPropertyNames(ConfigurationPropertyName prefix, Node root) {
		this.prefix = prefix;
		this.root = root;
	}

	static KnownPropertyNames of(Class<?> properties) {
		return of(MergedAnnotations.from(properties).get(ConfigurationProperties.class).getString("prefix"),
				properties);
	}

	static KnownPropertyNames of(String prefix, Class<?> properties) {
		return new KnownPropertyNames(ConfigurationPropertyName.of(prefix),
				Node.group(properties, properties.getPackageName()));
	}

	ConfigurationPropertyName prefix() {
		return this.prefix;
	}

	/**
	 * Return the known name closest to one that is not bound: with a key that contains
	 * dots in brackets when the name reads as such a key followed by a known name, else
	 * the known name a few edits away, if any.
	 * @param unknown a name under the prefix
	 * @return the suggestion, or {@code null} if none is close
	 */
	@Nullable Suggestion suggest(ConfigurationPropertyName unknown) {
		StringBuilder known = new StringBuilder(this.prefix.toString());
		Node node = this.root;
		@Nullable String mapName = null;
		int i = this.prefix.getNumberOfElements();
		for (; i < unknown.getNumberOfElements() && !node.isLeaf(); i++) {
			if (node.entry != null) {
				mapName = known.toString();
				appendKey(known, unknown.getElement(i, Form.ORIGINAL));
				node = node.entry;
				continue;
			}
			Node child = node.children.get(unknown.getElement(i, Form.UNIFORM));
			if (child == null) {
				break;
			}
			known.append('.').append(child.name);
			mapName = null;
			node = child;
		}
		if (node.isLeaf()) {
			return (i < unknown.getNumberOfElements()) ? new Suggestion(known.toString(), false) : null;
		}
		if (i == unknown.getNumberOfElements()) {
			return null;
		}
		if (mapName != null) {
			Suggestion bracketed = bracketed(unknown, i, mapName, node);
			if (bracketed != null) {
				return bracketed;
			}
		}
		return closest(node, known.toString(), unknown, i);
	}

	/**
	 * Read {@code instances.my.service.max-attempts} as the key {@code my.service}
	 * unbracketed, which Boot binds as the key {@code my} and the unknown name
	 * {@code service.max-attempts}.
	 */
	private @Nullable Suggestion bracketed(ConfigurationPropertyName unknown, int from, String mapName, Node entry) {
		for (int end = from + 1; end < unknown.getNumberOfElements(); end++) {
			String rest = entry.knownPath(unknown, end);
			if (rest != null) {
				StringBuilder key = new StringBuilder();
				for (int k = from - 1; k < end; k++) {
					key.append((k > from - 1) ? "." : "").append(unknown.getElement(k, Form.ORIGINAL));
				}
				return new Suggestion(mapName + "[" + key + "]" + rest, true);
			}
		}
		return null;
	}

	private @Nullable Suggestion closest(Node node, String known, ConfigurationPropertyName unknown, int from) {
		StringBuilder written = new StringBuilder();
		for (int k = from; k < unknown.getNumberOfElements(); k++) {
			written.append(unknown.getElement(k, Form.UNIFORM));
		}
		@Nullable String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String path : node.leafPaths("")) {
			String uniform = path.replace("-", "").replace(".", "");
			int distance = SimilarNames.distance(written.toString(), uniform);
			if (distance < bestDistance && 2 * distance <= Math.max(written.length(), uniform.length())) {
				best = path;
				bestDistance = distance;
			}
		}
		return (best != null) ? new Suggestion(known + best, false) : null;
	}

	private static void appendKey(StringBuilder name, String key) {
		name.append((key.indexOf('.') >= 0) ? "[" + key + "]" : "." + key);
	}

	/**
	 * A suggested name.
	 *
	 * @param name the full property name
	 * @param bracketsKey whether it puts a key that contains dots in brackets
	 */
	record Suggestion(String name, boolean bracketsKey) {

	}

	/**
	 * One name of the tree: a leaf (a value), a group of named children, or a map whose
	 * entries all have the same names.
	 */
	private static final class Node {

		private final String name;

		// by the uniform form of their names, which relaxed binding compares
		private final Map<String, Node> children = new LinkedHashMap<>();

		private @Nullable Node entry;

		private Node(String name) {
			this.name = name;
		}

		static Node group(Class<?> type, String rootPackage) {
			return group("", type, rootPackage);
		}

		private static Node group(String name, Class<?> type, String rootPackage) {
			Node group = new Node(name);
			for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
				if (property.getReadMethod() != null && !"class".equals(property.getName())) {
					String childName = DataObjectPropertyName.toDashedForm(property.getName());
					ResolvableType childType = ResolvableType.forMethodReturnType(property.getReadMethod());
					Node child = of(childName, childType, rootPackage);
					group.children.put(ConfigurationPropertyName.of(childName).getElement(0, Form.UNIFORM), child);
				}
			}
			return group;
		}

		private static Node of(String name, ResolvableType type, String rootPackage) {
			Class<?> resolved = type.resolve(Object.class);
			if (Map.class.isAssignableFrom(resolved)) {
				Node map = new Node(name);
				map.entry = of("", type.asMap().getGeneric(1), rootPackage);
				return map;
			}
			boolean nested = !resolved.isEnum() && !Collection.class.isAssignableFrom(resolved)
					&& resolved.getPackageName().startsWith(rootPackage);
			return nested ? group(name, resolved, rootPackage) : new Node(name);
		}

		boolean isLeaf() {
			return this.entry == null && this.children.isEmpty();
		}

		/**
		 * Return the canonical form of a name's elements from the given one on, as known
		 * below this node, or {@code null} if they are not.
		 */
		@Nullable String knownPath(ConfigurationPropertyName name, int from) {
			StringBuilder path = new StringBuilder();
			Node node = this;
			for (int i = from; i < name.getNumberOfElements(); i++) {
				if (node.entry != null) {
					appendKey(path, name.getElement(i, Form.ORIGINAL));
					node = node.entry;
					continue;
				}
				node = node.children.get(name.getElement(i, Form.UNIFORM));
				if (node == null) {
					return null;
				}
				path.append('.').append(node.name);
			}
			return node.isLeaf() ? path.toString() : null;
		}

		/**
		 * Return the names of the leaves below this node that have fixed names, each
		 * starting with a dot; those below a map, whose keys are the user's, are left
		 * out.
		 */
		List<String> leafPaths(String path) {
			List<String> paths = new ArrayList<>();
			if (isLeaf()) {
				paths.add(path);
			}
			for (Node child : this.children.values()) {
				paths.addAll(child.leafPaths(path + "." + child.name));
			}
			return paths;
		}

	}

}
