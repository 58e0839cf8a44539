package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

class ProblemsTest {

    @Test
    void anUnreachableDatabaseIsDatabaseConnectionFailed() {
        ApiProblem problem = Problems.of(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms")));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.getMessage()).isEqualTo("Database connection failed.");
    }

    @Test
    void anUnexpectedFailureGivesACorrelationIdAndNothingOfTheFailure() {
        ApiProblem problem = Problems.of(new IllegalStateException("SELECT secret FROM internals"));

        JsonNode doc = Problems.document(problem, "/x");

        assertThat(problem.status()).isEqualTo(500);
        String correlationId = doc.path("correlationId").asText();
        assertThat(correlationId).hasSize(36);
        assertThat(doc.path("error").asText())
                .isEqualTo("An unexpected error occurred; quote correlation id " + correlationId + " when reporting it.");
        assertThat(doc.toString()).doesNotContain("SELECT").doesNotContain("IllegalState");
    }

    @Test
    void aWrappedApiProblemKeepsItsStatusAndMessage() {
        ApiProblem problem = Problems.of(new RuntimeException(ApiProblem.notFound("Order", "X")));

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.getMessage()).isEqualTo("No entity found for Order with X.");
    }

    @Test
    void documentCarriesBothErrorStyles() {
        JsonNode doc = Problems.document(new ApiProblem(400, "Parameter idRemote is required",
                Map.of("[0].idRemote", List.of("Parameter idRemote is required"))), "/api/database/v1/Order/create");

        assertThat(doc.toString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"Parameter idRemote is required\",\"instance\":\"/api/database/v1/Order/create\","
                + "\"code\":400,\"error\":\"Parameter idRemote is required\","
                + "\"errors\":{\"[0].idRemote\":[\"Parameter idRemote is required\"]}}");
    }

    /** The shapes the database's going away took under load: a rollback on a closed connection among them. */
    @ParameterizedTest
    @ValueSource(strings = {"rollback", "rollback after the pool closed it", "rollback on the broken socket after a commit",
        "statement", "pool", "limiter", "limiter on the broken socket"})
    void theDatabaseGoingAwayIsTheContractsAnswerWithRetryAfterWhateverWrapsIt(String shape) {
        SQLException closed = new SQLException("This connection has been closed.", "08003");
        SQLException brokenSocket = new SQLException("Connection is closed", new SocketException("Broken pipe"));
        RuntimeException failure = switch (shape) {
            case "rollback" -> new TransactionSystemException("JDBC rollback failed", closed);
            case "rollback after the pool closed it" -> {
                var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
                rollback.initApplicationException(new DataAccessResourceFailureException("insert",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006")));
                yield rollback;
            }
            // the commit's own failure is only logged by Spring: the rollback's is what is thrown
            case "rollback on the broken socket after a commit" -> new TransactionSystemException("JDBC rollback failed",
                    brokenSocket);
            case "statement" -> new UncategorizedSQLException("select", "SELECT 1", closed);
            case "pool" -> new CannotGetJdbcConnectionException("no connection",
                    new SQLTransientConnectionException("Connection is not available, request timed out after 1000ms"));
            case "limiter on the broken socket" -> new RuntimeException("bucket", brokenSocket);
            default -> new RuntimeException("bucket", new SQLTransientConnectionException("timed out"));
        };

        ApiProblem problem = Problems.of(failure);

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.getMessage()).isEqualTo("Database connection failed.");
        assertThat(problem.retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void aConstraintViolationIsNotTheDatabaseGoingAway() {
        ApiProblem problem = Problems.of(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")));

        assertThat(problem.getMessage()).isNotEqualTo("Database connection failed.");
        assertThat(problem.retryAfterSeconds()).isZero();
    }
}
