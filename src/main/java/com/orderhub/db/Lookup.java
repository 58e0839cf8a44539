package com.orderhub.db;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Small shared reads of the reference-data resources. */
public final class Lookup {

    private Lookup() {
    }

    /** A tenant's rows with these idRemotes, by idRemote; the statement binds :tenant and :idRemotes. */
    public static <T> Map<String, T> byIdRemote(NamedParameterJdbcTemplate jdbc, String sql, String tenant,
            Collection<String> idRemotes, RowMapper<T> rows) {
        Map<String, T> found = new LinkedHashMap<>();
        jdbc.query(SqlFiles.get(sql), new MapSqlParameterSource("tenant", tenant).addValue("idRemotes", idRemotes),
                rs -> {
                    found.put(rs.getString("id_remote"), rows.mapRow(rs, 0));
                });
        return found;
    }

    /** Documents by their {@code id} member, to attach rows of child tables to them. */
    public static Map<String, ObjectNode> byId(Collection<ObjectNode> documents) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        documents.forEach(d -> byId.put(d.get("id").asText(), d));
        return byId;
    }
}
