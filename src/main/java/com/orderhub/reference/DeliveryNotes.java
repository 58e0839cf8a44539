package com.orderhub.reference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.ApiRequest;
import com.orderhub.api.Dates;
import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import com.orderhub.api.JsonBody;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.Ids;
import com.orderhub.db.Listing;
import com.orderhub.db.Lookup;
import com.orderhub.db.References;
import com.orderhub.db.References.Kind;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery notes (albaranes): which lines of an order the ERP has shipped on a note. The body's
 * {@code lineIds} replace the note's lines; a line on any note keeps its order from deletion.
 */
@Component("deliveryNotes")
public class DeliveryNotes implements ReferenceResource {

    private static final String SQL = "reference/delivery-note/";

    private record Note(String idRemote, String orderRef, List<String> lineRefs, String path) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final References references;
    private final OrderHubProperties.Api limits;

    public DeliveryNotes(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, References references,
            OrderHubProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.references = references;
        this.limits = properties.api();
    }

    @Override
    public void upsert(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        FieldErrors errors = new FieldErrors();
        List<Note> notes = new ArrayList<>();
        for (Fields item : JsonBody.items(request, limits.maxBodyBytes(), limits.maxItems(), errors)) {
            notes.add(new Note(item.id("idRemote", true), item.id("orderId", true),
                    item.texts("lineIds", false, Fields.ID_LENGTH), item.path()));
        }
        errors.throwIfAny();

        String tenant = request.tenant();
        Instant now = Dates.now();
        List<String> idRemotes = notes.stream().map(Note::idRemote).toList();
        Map<String, ObjectNode> stored = transaction.execute(status -> {
            Map<String, String> orders = references.resolve(Kind.ORDER, tenant, notes.stream().map(Note::orderRef).toList());
            FieldErrors notFound = new FieldErrors();
            List<List<String>> lineIds = new ArrayList<>();
            for (Note note : notes) {
                String orderId = References.lookUp(orders, Kind.ORDER, note.orderRef(), note.path() + ".orderId", notFound);
                lineIds.add(orderId == null ? List.of() : linesOf(orderId, note, notFound));
            }
            notFound.throwIfAny(404);
            for (int n = 0; n < notes.size(); n++) {
                Note note = notes.get(n);
                jdbc.update(SqlFiles.get(SQL + "merge"), new MapSqlParameterSource()
                        .addValue("id", Ids.next()).addValue("tenant", tenant).addValue("idRemote", note.idRemote())
                        .addValue("orderId", orders.get(note.orderRef())).addValue("now", Rows.param(now)));
                String noteId = find(tenant, List.of(note.idRemote())).get(note.idRemote()).get("id").asText();
                jdbc.update(SqlFiles.get(SQL + "delete-lines"), Map.of("noteId", noteId));
                List<String> lines = lineIds.get(n);
                for (int i = 0; i < lines.size(); i++) {
                    jdbc.update(SqlFiles.get(SQL + "insert-line"), Map.of("noteId", noteId, "lineId", lines.get(i), "position", i));
                }
            }
            Map<String, ObjectNode> found = find(tenant, idRemotes);
            withLines(found.values());
            return found;
        });
        request.ok(ApiJson.dataOf(idRemotes.stream().map(stored::get).toList()));
    }

    /** The note's lines as hub ids of lines of its order, each once; unknown ones are 404s. */
    private List<String> linesOf(String orderId, Note note, FieldErrors notFound) {
        Map<String, String> byRef = new HashMap<>();
        if (!note.lineRefs().isEmpty()) {
            Map<String, String> byRemote = new HashMap<>();
            jdbc.query(SqlFiles.get("order/resolve-lines"),
                    new MapSqlParameterSource("orderId", orderId).addValue("refs", note.lineRefs()),
                    rs -> {
                        byRef.put(rs.getString("id"), rs.getString("id"));
                        byRemote.put(rs.getString("id_remote"), rs.getString("id"));
                    });
            byRemote.forEach(byRef::putIfAbsent);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < note.lineRefs().size(); i++) {
            String ref = note.lineRefs().get(i);
            String id = byRef.get(ref);
            if (id == null) {
                notFound.add(note.path() + ".lineIds[" + i + "]", "No entity found for Line with " + ref + ".");
            } else if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public void list(Exchange exchange) {
        Listing.answer(ApiRequest.of(exchange), jdbc, "reference/delivery-note", (rs, n) -> render(rs),
                rows -> withLines(rows));
    }

    private Map<String, ObjectNode> find(String tenant, List<String> idRemotes) {
        return Lookup.byIdRemote(jdbc, SQL + "find-by-id-remote", tenant, idRemotes, (rs, n) -> render(rs));
    }

    private <C extends java.util.Collection<ObjectNode>> C withLines(C notes) {
        if (notes.isEmpty()) {
            return notes;
        }
        Map<String, ObjectNode> byId = Lookup.byId(notes);
        jdbc.query(SqlFiles.get(SQL + "lines-of"), new MapSqlParameterSource("noteIds", byId.keySet()),
                rs -> {
                    byId.get(rs.getString("delivery_note_id")).withArray("lineIds").add(rs.getString("line_id"));
                });
        return notes;
    }

    private static ObjectNode render(java.sql.ResultSet rs) throws java.sql.SQLException {
        ObjectNode node = ApiJson.object();
        node.put("id", rs.getString("id"));
        node.put("idRemote", rs.getString("id_remote"));
        node.put("orderId", rs.getString("order_id"));
        node.putArray("lineIds");
        return node;
    }
}
