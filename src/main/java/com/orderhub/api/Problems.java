package com.orderhub.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Turns anything that went wrong into the RFC 9457 problem document of the API reference (Problem), with the
 * seed's {@code code} and {@code error} members. Unexpected failures are logged with a
 * correlation id that the client also gets; no stack trace or SQL text ever leaves the hub.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    public static final String DATABASE_DOWN = "Database connection failed.";

    private Problems() {
    }

    /** The problem a failure means to the caller. */
    public static ApiProblem of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return problem;
            }
        }
        if (isDatabaseDown(failure)) {
            LOG.error("Database unreachable: {}", failure.toString());
            return ApiProblem.outage(500, DATABASE_DOWN);
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, correlation id {}", correlationId, failure);
        return new CorrelatedProblem(correlationId);
    }

    /**
     * Whether the failure is the database going away, whatever wraps it: no connection from the
     * pool, or a statement, commit or rollback on a connection that broke (SQL state class 08,
     * as PostgreSQL's driver reports "This connection has been closed", or a broken socket beneath),
     * which Spring hands on as a TransactionSystemException or an uncategorized exception, and
     * the rate limiter as its own.
     */
    static boolean isDatabaseDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // a statement, commit or rollback on a connection whose socket broke under it: the
            // pool reports "Connection is closed" without a SQL state, over the socket's failure
            if (t instanceof SQLException && (t.getCause() instanceof IOException
                    || "Connection is closed".equals(t.getMessage()))) {
                return true;
            }
            // a rollback after the connection broke fails on the connection the pool has closed
            // since ("Connection is closed", no SQL state): what failed first says why
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null && isDatabaseDown(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    public static ObjectNode document(ApiProblem problem, String instance) {
        HttpStatus status = HttpStatus.resolve(problem.status());
        ObjectNode doc = ApiJson.object();
        doc.put("type", "about:blank");
        doc.put("title", status != null ? status.getReasonPhrase() : "Error");
        doc.put("status", problem.status());
        doc.put("detail", problem.getMessage());
        doc.put("instance", instance);
        doc.put("code", problem.status());
        doc.put("error", problem.getMessage());
        if (!problem.errors().isEmpty()) {
            ObjectNode errors = doc.putObject("errors");
            for (Map.Entry<String, List<String>> e : problem.errors().entrySet()) {
                e.getValue().forEach(errors.withArray(e.getKey())::add);
            }
        }
        if (problem instanceof CorrelatedProblem correlated) {
            doc.put("correlationId", correlated.correlationId);
        }
        return doc;
    }

    /** An unexpected failure: the client gets the id under which the log has the details. */
    static final class CorrelatedProblem extends ApiProblem {
        private final String correlationId;

        CorrelatedProblem(String correlationId) {
            super(500, "An unexpected error occurred; quote correlation id " + correlationId + " when reporting it.");
            this.correlationId = correlationId;
        }
    }
}
