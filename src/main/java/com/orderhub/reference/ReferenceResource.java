package com.orderhub.reference;

import org.apache.camel.Exchange;

/**
 * A reference-data endpoint pair of the API reference: a synchronous upsert by idRemote of a JSON
 * array, and a paged list, oldest first. The routes of routes/reference-data.yaml call these.
 */
public interface ReferenceResource {

    void upsert(Exchange exchange);

    void list(Exchange exchange);
}
