package com.orderhub.api;

import com.orderhub.config.OrderHubProperties.RateLimit;
import com.orderhub.config.OrderHubProperties.Scope;
import java.util.Set;

/** Who is calling: the tenant a key belongs to, what it may do, a loggable key fingerprint, and its rate limit. */
public record ApiCaller(String tenant, Set<Scope> scopes, String fingerprint, RateLimit rateLimit) {

    /** The seed's sandbox connection: readable by its keys, never writable. */
    public static final String READ_ONLY_TENANT = "default";

    public boolean mayWrite() {
        return scopes.contains(Scope.write);
    }
}
