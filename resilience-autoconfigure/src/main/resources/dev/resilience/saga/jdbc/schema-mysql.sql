-- Saga log of JdbcSagaStore on MySQL and MariaDB. Safe to run on every start.
-- Instants are epoch milliseconds; compensation_parameters joins parameter types with ','.
-- Indexes are declared in the tables, as MySQL has no CREATE INDEX IF NOT EXISTS.

CREATE TABLE IF NOT EXISTS RESILIENCE_SAGA (
	id VARCHAR(36) NOT NULL,
	name VARCHAR(200) NOT NULL,
	state VARCHAR(20) NOT NULL,
	started_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	cause MEDIUMTEXT,
	lease_owner VARCHAR(255),
	lease_until BIGINT,
	PRIMARY KEY (id),
	-- claimStale: active sagas whose lease expired
	INDEX RESILIENCE_SAGA_LEASE_IDX (state, lease_until),
	-- deleteFinished: completed and compensated sagas past their retention
	INDEX RESILIENCE_SAGA_FINISHED_IDX (state, updated_at),
	-- recentFailed and countsByState
	INDEX RESILIENCE_SAGA_NAME_IDX (name, state, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS RESILIENCE_SAGA_STEP (
	saga_id VARCHAR(36) NOT NULL,
	sequence_number INT NOT NULL,
	name VARCHAR(200) NOT NULL,
	state VARCHAR(20) NOT NULL,
	attempts INT NOT NULL,
	error MEDIUMTEXT,
	arguments MEDIUMTEXT,
	result MEDIUMTEXT,
	compensation_target VARCHAR(255),
	compensation_method VARCHAR(255),
	compensation_parameters VARCHAR(2000),
	PRIMARY KEY (saga_id, sequence_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
