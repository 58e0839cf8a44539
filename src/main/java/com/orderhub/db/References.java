package com.orderhub.db;

import com.orderhub.api.ApiProblem;
import com.orderhub.api.FieldErrors;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves references the way the API reference says: a value is the hub id or the caller's
 * idRemote, the hub id tried first. Many references of one kind resolve in one query.
 */
@Component
public class References {

    /** What can be referenced: the entity name of the 404 message and the resolve statement. */
    public enum Kind {
        COMPANY("Company", "reference/company/resolve"),
        BUSINESS_PARTNER("BusinessPartner", "reference/business-partner/resolve"),
        SEASON("Season", "reference/season/resolve"),
        PRODUCT("Product", "reference/product/resolve"),
        DISCOUNT_TYPE("DiscountType", "reference/discount-type/resolve"),
        ORDER_STATUS("OrderStatus", "reference/order-status/resolve"),
        LINE_STATUS("LineStatus", "reference/line-status/resolve"),
        LOCATION("Location", "reference/business-partner/resolve-location"),
        ORDER("Order", "order/resolve");

        private final String entity;
        private final String sql;

        Kind(String entity, String sql) {
            this.entity = entity;
            this.sql = sql;
        }

        public String entity() {
            return entity;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public References(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Hub id by reference, for the references that exist in the tenant; unknown ones are absent. */
    public Map<String, String> resolve(Kind kind, String tenant, Collection<String> references) {
        Set<String> refs = new LinkedHashSet<>(references);
        refs.remove(null);
        Map<String, String> byRef = new HashMap<>();
        if (refs.isEmpty()) {
            return byRef;
        }
        Map<String, String> byRemote = new HashMap<>();
        Set<String> ids = new java.util.HashSet<>();
        jdbc.query(SqlFiles.get(kind.sql),
                new MapSqlParameterSource("tenant", tenant).addValue("refs", refs),
                rs -> {
                    ids.add(rs.getString("id"));
                    byRemote.put(rs.getString("id_remote"), rs.getString("id"));
                });
        for (String ref : refs) {
            if (ids.contains(ref)) {
                byRef.put(ref, ref);
            } else if (byRemote.containsKey(ref)) {
                byRef.put(ref, byRemote.get(ref));
            }
        }
        return byRef;
    }

    /** The hub id of one reference, or a 404 naming the entity. */
    public String require(Kind kind, String tenant, String reference) {
        String id = resolve(kind, tenant, Set.of(reference)).get(reference);
        if (id == null) {
            throw ApiProblem.notFound(kind.entity(), reference);
        }
        return id;
    }

    /** Records a 404 under the field's path when the reference is unknown. */
    public static String lookUp(Map<String, String> resolved, Kind kind, String reference, String path,
            FieldErrors notFound) {
        if (reference == null) {
            return null;
        }
        String id = resolved.get(reference);
        if (id == null) {
            notFound.add(path, "No entity found for " + kind.entity() + " with " + reference + ".");
        }
        return id;
    }
}
