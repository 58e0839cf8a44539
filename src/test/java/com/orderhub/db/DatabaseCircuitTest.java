package com.orderhub.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

class DatabaseCircuitTest {

    /** What Hikari throws when its connection timeout passes and the database refused to connect. */
    private static final SQLException UNREACHABLE = new SQLTransientConnectionException(
            "orderhub - Connection is not available, request timed out after 1000ms", "08001",
            new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
    /** What it throws when every connection is in use and the database answers: no cause. */
    private static final SQLException POOL_BUSY = new SQLTransientConnectionException(
            "orderhub - Connection is not available, request timed out after 1000ms (total=10, active=10, idle=0, waiting=4)");

    private final Pool pool = new Pool();

    @Test
    void afterThreeUnreachableAttemptsCallsAreRefusedWithoutTryingUntilOneSucceeds() throws Exception {
        DatabaseCircuit circuit = new DatabaseCircuit(3, Duration.ofMillis(200));
        DataSource guarded = circuit.guard(pool);
        pool.failure.set(UNREACHABLE);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(guarded::getConnection).isSameAs(UNREACHABLE);
        }
        assertThat(circuit.isOpen()).isTrue();

        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessage("The database is unreachable (found so by the last 3 attempts); not tried again for 200 ms")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        assertThat(pool.asked.get()).as("refused without asking the pool").isEqualTo(3);

        pool.failure.set(null);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> guarded.getConnection() != null);
        assertThat(circuit.isOpen()).isFalse();
        assertThat(guarded.getConnection()).isNotNull();
    }

    @Test
    void aBusyPoolUnderLoadNeverOpensTheCircuit() throws Exception {
        DatabaseCircuit circuit = new DatabaseCircuit(3, Duration.ofSeconds(60));
        DataSource guarded = circuit.guard(pool);
        pool.failure.set(POOL_BUSY);
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(guarded::getConnection).isSameAs(POOL_BUSY);
        }
        assertThat(circuit.isOpen()).isFalse();
        assertThat(pool.asked.get()).isEqualTo(50);
    }

    @Test
    void aConnectionBetweenFailuresKeepsTheCircuitClosed() throws Exception {
        DatabaseCircuit circuit = new DatabaseCircuit(3, Duration.ofSeconds(60));
        DataSource guarded = circuit.guard(pool);
        for (int i = 0; i < 10; i++) {
            pool.failure.set(i % 3 == 2 ? null : UNREACHABLE);
            try {
                guarded.getConnection();
            } catch (SQLException expected) {
                // two in a row at most
            }
        }
        assertThat(circuit.isOpen()).isFalse();
    }

    @Test
    void aFailedTrialOpensTheCircuitAgain() throws Exception {
        DatabaseCircuit circuit = new DatabaseCircuit(1, Duration.ofMillis(100));
        DataSource guarded = circuit.guard(pool);
        pool.failure.set(UNREACHABLE);
        assertThatThrownBy(guarded::getConnection).isSameAs(UNREACHABLE);
        assertThat(circuit.isOpen()).isTrue();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> pool.asked.get() == 2 || tryOnce(guarded));
        assertThat(circuit.isOpen()).as("the trial failed").isTrue();
    }

    private static boolean tryOnce(DataSource guarded) {
        try {
            guarded.getConnection();
        } catch (SQLException refusedOrFailed) {
            // counted by the pool when it was asked
        }
        return false;
    }

    @Test
    void onlyConnectionFailuresCount() {
        assertThat(DatabaseCircuit.unreachable(UNREACHABLE)).isTrue();
        assertThat(DatabaseCircuit.unreachable(new RuntimeException(new SQLException("closed", "08006")))).isTrue();
        assertThat(DatabaseCircuit.unreachable(POOL_BUSY)).isFalse();
        assertThat(DatabaseCircuit.unreachable(new SQLException("duplicate key", "23505"))).isFalse();
    }

    /** A pool that fails while told to, and counts what it was asked. */
    private static final class Pool extends AbstractDataSource {
        final AtomicReference<SQLException> failure = new AtomicReference<>();
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            SQLException e = failure.get();
            if (e != null) {
                throw e;
            }
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> null);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
