package dev.resilience.aop.repository;

import java.util.List;

import dev.resilience.annotation.CircuitBreaker;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.repository.Repository;

/**
 * A Spring Data repository with both a cache and a breaker on its interface.
 *
 * @author Resilience
 */
public interface CachedOwnerRepository extends Repository<Owner, Long> {

	@Cacheable("owners")
	@CircuitBreaker(name = "cached-owners")
	List<Owner> findByLastName(String lastName);

}
