package dev.resilience.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Named instances of one pattern, created on first use from their configuration and kept
 * for the life of the application.
 *
 * @param <I> the instance type
 * @author Resilience
 * @since 0.1.0
 */
public class Registry<I> {

	private final Map<String, I> instances = new ConcurrentHashMap<>();

	private final Function<String, I> factory;

	private final Function<I, String> naming;

	private final List<Consumer<? super I>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Create a registry.
	 * @param factory creates the instance of a name
	 * @param naming reads an instance's name
	 */
	protected Registry(Function<String, I> factory, Function<I, String> naming) {
		this.factory = factory;
		this.naming = naming;
	}

	/**
	 * Return the instance of the given name, creating it if needed.
	 * @param name the instance name
	 * @return the instance
	 */
	public I get(String name) {
		I instance = this.instances.get(name);
		if (instance != null) {
			return instance;
		}
		boolean[] created = new boolean[1];
		instance = this.instances.computeIfAbsent(name, (key) -> {
			created[0] = true;
			return this.factory.apply(key);
		});
		if (created[0]) {
			for (Consumer<? super I> listener : this.listeners) {
				listener.accept(instance);
			}
		}
		return instance;
	}

	/**
	 * Return the instance of the given name if it exists.
	 * @param name the instance name
	 * @return the instance, or empty
	 */
	public Optional<I> find(String name) {
		return Optional.ofNullable(this.instances.get(name));
	}

	/**
	 * Return every instance, sorted by name.
	 * @return the instances
	 */
	public List<I> all() {
		List<I> all = new ArrayList<>(this.instances.values());
		all.sort(Comparator.comparing(this.naming));
		return all;
	}

	/**
	 * Call the listener for every instance that exists now and for every instance created
	 * later. An instance created while the listener is being added may be reported twice,
	 * so the listener must be idempotent (as meter registration is).
	 * @param listener the listener
	 */
	public void forEachAndOnAdded(Consumer<? super I> listener) {
		this.listeners.add(listener);
		Collection<I> existing = all();
		existing.forEach(listener);
	}

}
