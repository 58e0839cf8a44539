package com.orderhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a list answer: {@code {"data": [...], "pagination": {...}}}. Whether a next page
 * exists is known from the rows themselves (one more than a page was read), so a list that
 * changes between the count and the read never promises a page that is not there.
 */
public record Page(List<? extends JsonNode> items, long totalItems, boolean hasMore) {


    public ObjectNode document(PageRequest request, String nextPageUrl) {
        ObjectNode doc = ApiJson.object();
        ArrayNode data = doc.putArray("data");
        items.forEach(data::add);
        ObjectNode pagination = doc.putObject("pagination");
        pagination.put("totalItems", totalItems);
        pagination.put("itemsPerPage", request.pageSize());
        pagination.put("currentPage", request.page());
        pagination.put("totalPages", (totalItems + request.pageSize() - 1) / request.pageSize());
        pagination.put("nextPageUrl", hasMore ? nextPageUrl : null);
        return doc;
    }
}
