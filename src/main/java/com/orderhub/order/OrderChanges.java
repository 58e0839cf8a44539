package com.orderhub.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.ApiProblem;
import com.orderhub.api.ApiRequest;
import com.orderhub.api.Dates;
import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import com.orderhub.api.JsonBody;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.References;
import com.orderhub.db.References.Kind;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.order.OrderDocuments.StoredDraft;
import com.orderhub.order.OrderDocuments.StoredOrder;
import com.orderhub.order.OrderReferences.Failure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PUT /Order/update/{id} and DELETE /Order/delete/{id} (the API reference): synchronous, each in one
 * transaction with the order's row locked, so a rejected change leaves the order as it was.
 */
@Component("orderChanges")
public class OrderChanges {

    private static final Logger LOG = LoggerFactory.getLogger(OrderChanges.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final References references;
    private final OrderReferences orderReferences;
    private final OrderDocuments documents;
    private final OrderStore store;
    private final OrderHubProperties properties;

    public OrderChanges(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, References references,
            OrderReferences orderReferences, OrderDocuments documents, OrderStore store, OrderHubProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.references = references;
        this.orderReferences = orderReferences;
        this.documents = documents;
        this.store = store;
        this.properties = properties;
    }

    /**
     * Changes only what the body names. Lines and discounts are matched by idRemote (line
     * discounts and details within their line): a match is updated attribute by attribute,
     * anything else is added and needs its required attributes.
     */
    public void update(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        String ref = request.pathParam("id");
        FieldErrors errors = new FieldErrors();
        Fields body = JsonBody.object(request, properties.api().maxBodyBytes(), errors);
        Draft changes = OrderShape.forUpdate(body);
        errors.throwIfAny();
        if (changes.isEmpty() && changes.part().lists().stream().noneMatch(changes::hasChildren)) {
            throw ApiProblem.badRequest("Request body has no attribute to update");
        }
        String ifMatch = request.http().getHeader("If-Match");
        String tenant = request.tenant();
        StoredOrder updated;
        try {
            updated = transaction.execute(status -> {
                StoredDraft stored = lock(tenant, ref);
                checkIfMatch(ifMatch, stored);
                FieldErrors missing = new FieldErrors();
                Draft merged = merge(stored.order(), changes, missing);
                missing.throwIfAny();
                Failure failure = orderReferences.resolve(tenant, List.of(merged)).get(merged);
                if (failure != null) {
                    throw new ApiProblem(failure.code(), failure.message());
                }
                Instant now = Dates.now();
                if (!now.isAfter(stored.updatedAt())) {
                    now = stored.updatedAt().plus(1, ChronoUnit.MICROS);
                }
                store.update(tenant, merged, now, stored.nextPosition());
                return documents.load(tenant, List.of(stored.order().storedId())).get(0);
            });
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(409, OrderIntake.DUPLICATE);
        }
        LOG.info("Order {} of tenant {} updated to version {}", updated.id(), tenant, updated.version());
        request.respond(200, updated.answer(), Map.of("ETag", updated.etag()));
    }

    /** Deletes the order with its lines, details and discounts, and keeps a tombstone of it. */
    public void delete(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        String ref = request.pathParam("id");
        String tenant = request.tenant();
        try {
            transaction.executeWithoutResult(status -> {
                StoredDraft stored = lock(tenant, ref);
                String id = stored.order().storedId();
                MapSqlParameterSource params = new MapSqlParameterSource("id", id);
                List<String> notes = jdbc.queryForList(SqlFiles.get("order/delivery-notes-of"), params, String.class);
                if (!notes.isEmpty()) {
                    throw onDeliveryNotes(ref, notes);
                }
                StoredOrder snapshot = documents.load(tenant, List.of(id)).get(0);
                Instant now = Dates.now();
                jdbc.update(SqlFiles.get("order/insert-tombstone"), new MapSqlParameterSource("id", id)
                        .addValue("tenant", tenant).addValue("idRemote", stored.order().idRemote())
                        .addValue("deletedAt", Rows.param(now)).addValue("snapshot", snapshot.json()));
                jdbc.update(SqlFiles.get("order/delete"), params);
                store.changed(tenant, List.of(id), now);
            });
        } catch (DataIntegrityViolationException lineNoteAddedMeanwhile) {
            throw onDeliveryNotes(ref, List.of());
        }
        LOG.info("Order {} of tenant {} deleted", ref, tenant);
        ObjectNode answer = ApiJson.object();
        answer.put("code", 200);
        answer.put("message", "Order " + ref + " deleted.");
        request.ok(answer);
    }

    private static ApiProblem onDeliveryNotes(String ref, List<String> notes) {
        return new ApiProblem(409, "Order " + ref + " has lines on a delivery note"
                + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")") + " and cannot be deleted.");
    }

    /** The order by hub id or idRemote, its row locked until the transaction ends; 404 if unknown. */
    private StoredDraft lock(String tenant, String ref) {
        String id = references.require(Kind.ORDER, tenant, ref);
        jdbc.queryForList(SqlFiles.get("order/lock"), new MapSqlParameterSource("id", id));
        return documents.draft(tenant, id).orElseThrow(() -> ApiProblem.notFound("Order", ref));
    }

    private static void checkIfMatch(String ifMatch, StoredDraft stored) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = "\"" + stored.version() + "\"";
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw new ApiProblem(412, "The order has changed since it was read: its ETag is now " + current
                    + ", not " + ifMatch.trim() + ". Read it again and retry.");
        }
    }

    /**
     * The stored order with the changes laid over it, holding only what is written: the header,
     * and the children the body named (matched by idRemote) with their own named children.
     */
    static Draft merge(Draft stored, Draft changes, FieldErrors missing) {
        Draft merged = new Draft(stored.part(), changes.path());
        merged.storedId(stored.storedId());
        merged.putAll(stored);
        merged.putAll(changes);
        for (String list : stored.part().lists()) {
            if (!changes.hasChildren(list)) {
                continue;
            }
            for (Draft change : changes.children(list)) {
                Draft match = stored.children(list).stream()
                        .filter(child -> child.idRemote().equals(change.idRemote())).findFirst().orElse(null);
                if (match != null) {
                    merged.children(list).add(merge(match, change, missing));
                } else {
                    requireAll(change, missing);
                    merged.children(list).add(change);
                }
            }
        }
        return merged;
    }

    private static void requireAll(Draft added, FieldErrors missing) {
        OrderShape.requireForNew(added, missing);
        added.part().lists().forEach(list -> added.children(list).forEach(child -> requireAll(child, missing)));
    }

}
