package com.orderhub.db;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A circuit breaker (Resilience4j) in front of the hub's connection pools. While PostgreSQL
 * answers, it only counts; after {@code failures} attempts in a row to get a connection fail
 * because the database cannot be reached, it opens: for {@code openFor}, every call is refused
 * at once with the same SQL state a refused connection has, so the API answers its 500
 * "Database connection failed." and health says DOWN without each waiting out the pool's
 * connection timeout. Then one call tries again, and closes the circuit if it gets a connection.
 *
 * <p>Only an unreachable database counts: the pool's time-out while every connection is busy
 * (a load peak, the database answering) has no connection failure behind it and leaves the
 * circuit closed, so load is never turned into refusals.
 */
public final class DatabaseCircuit implements MeterBinder {

    /** The connection-exception class of SQL states, as a refused connection reports it. */
    static final String UNREACHABLE = "08001";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCircuit.class);

    private final CircuitBreaker breaker;
    private final Duration openFor;
    private final AtomicReference<Counter> refused = new AtomicReference<>();

    public DatabaseCircuit(int failures, Duration openFor) {
        this.openFor = openFor;
        this.breaker = CircuitBreaker.of("database", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(DatabaseCircuit::unreachable)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            // once per outage: the trials every openFor that fail are not news
            switch (event.getStateTransition()) {
                case CLOSED_TO_OPEN -> LOG.warn("Database unreachable: calls are answered at once without a connection,"
                        + " and one tries again every {} ms", openFor.toMillis());
                case HALF_OPEN_TO_CLOSED -> LOG.info("Database reachable again: calls get connections as before");
                default -> LOG.debug("Database circuit {}", event.getStateTransition());
            }
        });
    }

    /** The pool, behind this circuit. */
    public DataSource guard(DataSource pool) {
        return new Guarded(pool);
    }

    public boolean isOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("orderhub.database.circuit.open", this, circuit -> circuit.isOpen() ? 1 : 0)
                .description("1 while the database is known unreachable and calls are answered without trying it")
                .register(registry);
        refused.set(Counter.builder("orderhub.database.circuit.refused")
                .description("Connections refused by the open circuit, without trying the database").register(registry));
    }

    /**
     * Whether a failure to get a connection means the database cannot be reached: a connection
     * exception (SQL state class 08) anywhere in its chain. The pool's time-out reports the last
     * failure to connect as its cause; when it timed out only because every connection was in use,
     * it has none.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    Connection connect(DataSource pool) throws SQLException {
        if (!breaker.tryAcquirePermission()) {
            Counter counter = refused.get();
            if (counter != null) {
                counter.increment();
            }
            throw new SQLTransientConnectionException("The database is unreachable (found so by the last "
                    + breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls() + " attempts); not tried again for "
                    + openFor.toMillis() + " ms", UNREACHABLE);
        }
        long started = breaker.getCurrentTimestamp();
        try {
            Connection connection = pool.getConnection();
            breaker.onSuccess(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit());
            return connection;
        } catch (SQLException | RuntimeException e) {
            breaker.onError(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit(), e);
            throw e;
        }
    }

    /** The pool as the hub sees it: every connection asked for through the circuit. */
    private final class Guarded extends DelegatingDataSource {

        Guarded(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connect(obtainTargetDataSource());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLException("The hub's connections are the pool's own; no other user", "0A000");
        }

        @Override
        public String toString() {
            return "DatabaseCircuit(" + obtainTargetDataSource() + ")";
        }
    }
}
