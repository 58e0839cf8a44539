package com.orderhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of a list answer: {@code {"data": [...], "pagination": {...}}}. Whether a next page
 * exists is known from the rows themselves (one more than a page was read), so a list that
 * changes between the count and the read never promises a page that is not there.
 */
public record Page(DocumentWriter items, long totalItems, boolean hasMore) {

    /** A page of items that are trees already. */
    public static Page of(List<? extends JsonNode> items, long totalItems, boolean hasMore) {
        return new Page(json -> {
            for (JsonNode item : items) {
                json.writeTree(item);
            }
        }, totalItems, hasMore);
    }

    public DocumentWriter document(PageRequest request, String nextPageUrl) {
        return json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("data");
            items.writeTo(json);
            json.writeEndArray();
            json.writeObjectFieldStart("pagination");
            json.writeNumberField("totalItems", totalItems);
            json.writeNumberField("itemsPerPage", request.pageSize());
            json.writeNumberField("currentPage", request.page());
            json.writeNumberField("totalPages", (totalItems + request.pageSize() - 1) / request.pageSize());
            json.writeStringField("nextPageUrl", hasMore ? nextPageUrl : null);
            json.writeEndObject();
            json.writeEndObject();
        };
    }
}
