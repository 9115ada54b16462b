package dev.resilience.aop.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.resilience.annotation.CircuitBreaker;
import dev.resilience.annotation.Retry;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A Spring Data repository whose implementation Spring Data writes, annotated on its
 * interface: every method is retried, one query method also has a breaker and a fallback
 * written as a default method.
 *
 * @author Resilience
 */
@Retry(name = "owners")
public interface OwnerRepository extends JpaRepository<Owner, Long> {

	/**
	 * Failures that the next calls of {@link #flakyCount()} throw before they count.
	 */
	AtomicInteger FAILURES = new AtomicInteger();

	@CircuitBreaker(name = "owners-by-name", fallbackMethod = "nobody")
	List<Owner> findByLastName(String lastName);

	default List<Owner> nobody(String lastName, Throwable failure) {
		return List.of(new Owner("fallback:" + lastName));
	}

	default long flakyCount() {
		if (FAILURES.getAndDecrement() > 0) {
			throw new UncheckedIOException(new IOException("database unreachable"));
		}
		return count();
	}

}
