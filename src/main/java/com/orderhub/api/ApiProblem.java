package com.orderhub.api;

import java.util.List;
import java.util.Map;

/**
 * An error the caller caused (or may act on), with the exact message the contract promises.
 * {@code errors} maps each offending field's path to its messages (validation problems only).
 */
public class ApiProblem extends RuntimeException {

    /** How long a client waits before retrying after an outage (database, broker, the hub starting). */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final int status;
    private final Map<String, List<String>> errors;
    private final int retryAfterSeconds;

    public ApiProblem(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiProblem(int status, String message, Map<String, List<String>> errors) {
        this(status, message, errors, 0);
    }

    private ApiProblem(int status, String message, Map<String, List<String>> errors, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A dependency (or the hub itself) is not there yet: the answer says when to try again (Retry-After). */
    public static ApiProblem outage(int status, String message) {
        return new ApiProblem(status, message, Map.of(), RETRY_AFTER_SECONDS);
    }

    /** Seconds for the Retry-After header, or 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    public static ApiProblem badRequest(String message) {
        return new ApiProblem(400, message);
    }

    public static ApiProblem notFound(String entity, String id) {
        return new ApiProblem(404, "No entity found for " + entity + " with " + id + ".");
    }
}
