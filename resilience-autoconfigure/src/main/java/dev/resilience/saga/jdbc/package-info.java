/**
 * JDBC backend of the saga log: sagas and their steps in two tables of a relational
 * database.
 */
@NullMarked
package dev.resilience.saga.jdbc;

import org.jspecify.annotations.NullMarked;
