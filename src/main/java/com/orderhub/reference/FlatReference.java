package com.orderhub.reference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.ApiRequest;
import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import com.orderhub.api.JsonBody;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.api.Dates;
import com.orderhub.db.Ids;
import com.orderhub.db.Listing;
import com.orderhub.db.Lookup;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reference data that is one row with a few attributes (companies, seasons, products, discount
 * types, order and line statuses): one class, configured per entity, with its statements in
 * {@code sql/reference/<entity>/}.
 */
public class FlatReference implements ReferenceResource {

    public enum Type { TEXT, DECIMAL }

    /** A JSON attribute and its column (the attribute's name in snake_case). */
    public record Attribute(String name, Type type, boolean required, int maxLength) {

        public static Attribute text(String name, boolean required, int maxLength) {
            return new Attribute(name, Type.TEXT, required, maxLength);
        }

        public static Attribute decimal(String name, boolean required) {
            return new Attribute(name, Type.DECIMAL, required, 0);
        }

        String column() {
            return name.replaceAll("([A-Z])", "_$1").toLowerCase();
        }
    }

    private final String folder;
    private final List<Attribute> attributes;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OrderHubProperties.Api limits;

    public FlatReference(String folder, List<Attribute> attributes, NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transaction, OrderHubProperties.Api limits) {
        this.folder = "reference/" + folder;
        this.attributes = attributes;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.limits = limits;
    }

    @Override
    public void upsert(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        FieldErrors errors = new FieldErrors();
        List<MapSqlParameterSource> rows = new ArrayList<>();
        Instant now = Dates.now();
        for (Fields item : JsonBody.items(request, limits.maxBodyBytes(), limits.maxItems(), errors)) {
            MapSqlParameterSource row = new MapSqlParameterSource()
                    .addValue("id", Ids.next())
                    .addValue("tenant", request.tenant())
                    .addValue("idRemote", item.id("idRemote", true))
                    .addValue("now", Rows.param(now));
            for (Attribute attribute : attributes) {
                row.addValue(attribute.name(), attribute.type() == Type.TEXT
                        ? item.text(attribute.name(), attribute.required(), attribute.maxLength())
                        : item.decimal(attribute.name(), attribute.required()));
            }
            rows.add(row);
        }
        errors.throwIfAny();
        List<String> idRemotes = rows.stream().map(r -> (String) r.getValue("idRemote")).toList();
        Map<String, ObjectNode> stored = transaction.execute(status -> {
            jdbc.batchUpdate(SqlFiles.get(folder + "/merge"), rows.toArray(MapSqlParameterSource[]::new));
            return Lookup.byIdRemote(jdbc, folder + "/find-by-id-remote", request.tenant(), idRemotes,
                    (rs, n) -> render(rs));
        });
        request.ok(ApiJson.dataOf(idRemotes.stream().map(stored::get).toList()));
    }

    @Override
    public void list(Exchange exchange) {
        Listing.answer(ApiRequest.of(exchange), jdbc, folder, (rs, n) -> render(rs), rows -> rows);
    }

    private ObjectNode render(ResultSet rs) throws SQLException {
        ObjectNode node = ApiJson.object();
        node.put("id", rs.getString("id"));
        node.put("idRemote", rs.getString("id_remote"));
        for (Attribute attribute : attributes) {
            if (attribute.type() == Type.TEXT) {
                node.put(attribute.name(), rs.getString(attribute.column()));
            } else {
                node.put(attribute.name(), Rows.decimal(rs, attribute.column()));
            }
        }
        return node;
    }
}
