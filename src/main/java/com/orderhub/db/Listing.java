package com.orderhub.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiRequest;
import com.orderhub.api.Page;
import com.orderhub.api.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A paged list of one tenant's rows, oldest first: {@code <folder>/page.sql} reads one row more
 * than the page (to know whether another follows) and {@code <folder>/count.sql} the total.
 */
public final class Listing {

    private Listing() {
    }

    public static <T> void answer(ApiRequest request, NamedParameterJdbcTemplate jdbc, String folder,
            RowMapper<T> rows, Function<List<T>, List<? extends JsonNode>> render) {
        PageRequest page = request.page();
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", request.tenant())
                .addValue("limit", page.probeLimit())
                .addValue("offset", page.offset());
        List<T> found = jdbc.query(SqlFiles.get(folder + "/page"), params, rows);
        Long total = jdbc.queryForObject(SqlFiles.get(folder + "/count"), params, Long.class);
        List<T> shown = found.size() > page.pageSize() ? found.subList(0, page.pageSize()) : found;
        Page result = Page.of(render.apply(shown), total == null ? 0 : total, found.size() > page.pageSize());
        request.ok(result.document(page, request.urlWith(Map.of("page", String.valueOf(page.page() + 1)))));
    }
}
