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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Business partners: clients and agents (role {@code Client}, {@code Representant}) of a company,
 * with their locations. Upserting a partner replaces its roles and upserts its locations by
 * idRemote; a location missing from the body is kept, since orders may point at it.
 */
@Component("businessPartners")
public class BusinessPartners implements ReferenceResource {

    static final Set<String> ROLES = Set.of("Client", "Representant");
    private static final String SQL = "reference/business-partner/";

    private record Location(String idRemote, String address, Boolean shipping, Boolean billing) {
    }

    private record Partner(String idRemote, String companyRef, String contactName, List<String> roles,
            List<Location> locations, String path) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final References references;
    private final OrderHubProperties.Api limits;

    public BusinessPartners(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, References references,
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
        List<Partner> partners = new ArrayList<>();
        for (Fields item : JsonBody.items(request, limits.maxBodyBytes(), limits.maxItems(), errors)) {
            List<String> roles = new ArrayList<>();
            for (String role : item.texts("roles", false, 20)) {
                if (ROLES.contains(role)) {
                    roles.add(role);
                } else {
                    errors.add(item.path() + ".roles", "Parameter roles must hold only Client or Representant, not " + role);
                }
            }
            List<Location> locations = new ArrayList<>();
            for (Fields location : item.objects("locations", false)) {
                locations.add(new Location(location.id("idRemote", true), location.text("address", true, 1000),
                        location.bool("shippingAddress", false), location.bool("billingAddress", false)));
            }
            partners.add(new Partner(item.id("idRemote", true), item.id("companyId", true),
                    item.text("contactName", true, 255), roles, locations, item.path()));
        }
        errors.throwIfAny();

        String tenant = request.tenant();
        Map<String, String> companies = references.resolve(Kind.COMPANY, tenant,
                partners.stream().map(Partner::companyRef).toList());
        FieldErrors notFound = new FieldErrors();
        partners.forEach(p -> References.lookUp(companies, Kind.COMPANY, p.companyRef(), p.path() + ".companyId", notFound));
        notFound.throwIfAny(404);

        Instant now = Dates.now();
        List<String> idRemotes = partners.stream().map(Partner::idRemote).toList();
        Map<String, ObjectNode> stored = transaction.execute(status -> {
            for (Partner partner : partners) {
                jdbc.update(SqlFiles.get(SQL + "merge"), new MapSqlParameterSource()
                        .addValue("id", Ids.next()).addValue("tenant", tenant)
                        .addValue("idRemote", partner.idRemote())
                        .addValue("companyId", companies.get(partner.companyRef()))
                        .addValue("contactName", partner.contactName())
                        .addValue("now", Rows.param(now)));
            }
            Map<String, ObjectNode> byRemote = find(tenant, idRemotes);
            for (Partner partner : partners) {
                String partnerId = byRemote.get(partner.idRemote()).get("id").asText();
                jdbc.update(SqlFiles.get(SQL + "delete-roles"), Map.of("partnerId", partnerId));
                for (String role : Set.copyOf(partner.roles())) {
                    jdbc.update(SqlFiles.get(SQL + "insert-role"), Map.of("partnerId", partnerId, "role", role));
                }
                for (int i = 0; i < partner.locations().size(); i++) {
                    Location location = partner.locations().get(i);
                    jdbc.update(SqlFiles.get(SQL + "merge-location"), new MapSqlParameterSource()
                            .addValue("id", Ids.next()).addValue("tenant", tenant).addValue("partnerId", partnerId)
                            .addValue("idRemote", location.idRemote()).addValue("address", location.address())
                            .addValue("shippingAddress", Boolean.TRUE.equals(location.shipping()))
                            .addValue("billingAddress", Boolean.TRUE.equals(location.billing()))
                            .addValue("position", i));
                }
            }
            Map<String, ObjectNode> found = find(tenant, idRemotes);
            withRolesAndLocations(found.values());
            return found;
        });
        request.ok(ApiJson.dataOf(idRemotes.stream().map(stored::get).toList()));
    }

    @Override
    public void list(Exchange exchange) {
        Listing.answer(ApiRequest.of(exchange), jdbc, "reference/business-partner", (rs, n) -> render(rs),
                rows -> withRolesAndLocations(rows));
    }

    private Map<String, ObjectNode> find(String tenant, List<String> idRemotes) {
        return Lookup.byIdRemote(jdbc, SQL + "find-by-id-remote", tenant, idRemotes, (rs, n) -> render(rs));
    }

    /** Fills roles and locations of the given partners in two queries. */
    private <C extends java.util.Collection<ObjectNode>> C withRolesAndLocations(C partners) {
        if (partners.isEmpty()) {
            return partners;
        }
        Map<String, ObjectNode> byId = Lookup.byId(partners);
        MapSqlParameterSource ids = new MapSqlParameterSource("partnerIds", byId.keySet());
        jdbc.query(SqlFiles.get(SQL + "roles-of"), ids,
                rs -> {
                    byId.get(rs.getString("partner_id")).withArray("roles").add(rs.getString("role"));
                });
        jdbc.query(SqlFiles.get(SQL + "locations-of"), ids, rs -> {
            ObjectNode location = byId.get(rs.getString("partner_id")).withArray("locations").addObject();
            location.put("id", rs.getString("id"));
            location.put("idRemote", rs.getString("id_remote"));
            location.put("address", rs.getString("address"));
            location.put("shippingAddress", rs.getBoolean("shipping_address"));
            location.put("billingAddress", rs.getBoolean("billing_address"));
        });
        return partners;
    }

    private static ObjectNode render(java.sql.ResultSet rs) throws java.sql.SQLException {
        ObjectNode node = ApiJson.object();
        node.put("id", rs.getString("id"));
        node.put("idRemote", rs.getString("id_remote"));
        node.put("companyId", rs.getString("company_id"));
        node.put("contactName", rs.getString("contact_name"));
        node.putArray("roles");
        node.putArray("locations");
        return node;
    }
}
