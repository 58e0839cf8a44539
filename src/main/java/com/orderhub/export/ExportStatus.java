package com.orderhub.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.ApiProblem;
import com.orderhub.api.ApiRequest;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.export.DeltaExports.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The operators' view of the exports: GET /export/status and POST /export/{partner}/run. */
@Component("exportStatus")
public class ExportStatus {

    private final NamedParameterJdbcTemplate jdbc;
    private final DeltaExports exports;

    public ExportStatus(NamedParameterJdbcTemplate jdbc, DeltaExports exports) {
        this.jdbc = jdbc;
        this.exports = exports;
    }

    /** GET /export/status: the export of each partner of the caller's tenant. */
    public void status(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        List<ObjectNode> partners = new ArrayList<>();
        exports.exporting().forEach((name, partner) -> {
            if (partner.tenant().equals(request.tenant())) {
                partners.add(state(name, partner));
            }
        });
        request.ok(ApiJson.dataOf(partners));
    }

    /** POST /export/{partner}/run: a run now, answered with what it did. */
    public void runNow(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        String name = request.pathParam("partner");
        Partner partner = exports.exporting().get(name);
        if (partner == null || !partner.tenant().equals(request.tenant())) {
            throw new ApiProblem(404, "No export for partner " + name + ".");
        }
        Run run = exports.run(name);
        ObjectNode answer = ApiJson.object();
        answer.put("partner", name);
        answer.put("outcome", run.outcome().name());
        answer.put("orders", run.orders());
        answer.put("deleted", run.deleted());
        answer.put("file", run.file());
        answer.put("error", run.error());
        answer.set("export", state(name, partner));
        request.ok(answer);
    }

    private ObjectNode state(String name, Partner partner) {
        ObjectNode state = ApiJson.object();
        state.put("partner", name);
        state.put("cron", partner.export().cron());
        List<ObjectNode> rows = jdbc.query(SqlFiles.get("export/state"), new MapSqlParameterSource("partner", name),
                (rs, n) -> {
                    ObjectNode row = ApiJson.object();
                    row.put("watermark", rs.getLong("watermark"));
                    row.put("lastRunAt", text(Rows.instant(rs, "last_run_at")));
                    row.put("lastSuccessAt", text(Rows.instant(rs, "last_success_at")));
                    row.put("lastFile", rs.getString("last_file"));
                    row.put("lastError", rs.getString("last_error"));
                    row.put("running", Rows.instant(rs, "lease_until") != null);
                    row.put("exportedOrders", rs.getLong("exported_orders"));
                    row.put("failedRuns", rs.getLong("failed_runs"));
                    return row;
                });
        long watermark = rows.isEmpty() ? 0 : rows.get(0).path("watermark").asLong();
        if (rows.isEmpty()) {
            state.put("watermark", 0);
            state.putNull("lastRunAt");
            state.putNull("lastSuccessAt");
        } else {
            state.setAll(rows.get(0));
        }
        state.put("pendingChanges", jdbc.queryForObject(SqlFiles.get("export/pending-count"),
                new MapSqlParameterSource("tenant", partner.tenant()).addValue("after", watermark), Long.class));
        return state;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
