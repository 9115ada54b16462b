-- Saga log of JdbcSagaStore on H2. Safe to run on every start.
-- Instants are epoch milliseconds; compensation_parameters joins parameter types with ','.

CREATE TABLE IF NOT EXISTS RESILIENCE_SAGA (
	id VARCHAR(36) NOT NULL PRIMARY KEY,
	name VARCHAR(200) NOT NULL,
	state VARCHAR(20) NOT NULL,
	started_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	cause CLOB,
	lease_owner VARCHAR(255),
	lease_until BIGINT
);

-- claimStale: active sagas whose lease expired
CREATE INDEX IF NOT EXISTS RESILIENCE_SAGA_LEASE_IDX ON RESILIENCE_SAGA (state, lease_until);

-- deleteFinished: completed and compensated sagas past their retention
CREATE INDEX IF NOT EXISTS RESILIENCE_SAGA_FINISHED_IDX ON RESILIENCE_SAGA (state, updated_at);

-- recentFailed and countsByState
CREATE INDEX IF NOT EXISTS RESILIENCE_SAGA_NAME_IDX ON RESILIENCE_SAGA (name, state, updated_at);

CREATE TABLE IF NOT EXISTS RESILIENCE_SAGA_STEP (
	saga_id VARCHAR(36) NOT NULL,
	sequence_number INT NOT NULL,
	name VARCHAR(200) NOT NULL,
	state VARCHAR(20) NOT NULL,
	attempts INT NOT NULL,
	error CLOB,
	arguments CLOB,
	result CLOB,
	compensation_target VARCHAR(255),
	compensation_method VARCHAR(255),
	compensation_parameters VARCHAR(2000),
	PRIMARY KEY (saga_id, sequence_number)
);
