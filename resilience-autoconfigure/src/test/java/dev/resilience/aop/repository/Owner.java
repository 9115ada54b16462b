package dev.resilience.aop.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * An entity of the repository tests.
 *
 * @author Resilience
 */
@Entity
public class Owner {

	@Id
	@GeneratedValue
	private Long id;

	private String lastName;

	protected Owner() {
	}

	public Owner(String lastName) {
		this.lastName = lastName;
	}

	public Long getId() {
		return this.id;
	}

	public String getLastName() {
		return this.lastName;
	}

}
