package com.orderhub.order;

import com.orderhub.db.References;
import com.orderhub.db.References.Kind;
import com.orderhub.db.SqlFiles;
import com.orderhub.order.OrderShape.Attribute;
import com.orderhub.order.OrderShape.Type;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reference checks of POST /Order/create (the API reference) for any number of orders at once: every reference of every
 * order resolves in one query per kind, whatever the number of orders. Each order's references
 * are replaced by hub ids in place; an order that breaks a rule gets a {@link Failure}.
 */
@Component
public class OrderReferences {

    /** Why an order cannot be stored: the HTTP code the error would have had, and the message. */
    public record Failure(int code, String message) {
    }

    static final String CLIENT = "Client";
    static final String AGENT = "Representant";

    private record Location(String id, String idRemote, String partnerId, boolean shipping, boolean billing) {
    }

    private record Partner(String companyId, Set<String> roles) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final References references;

    public OrderReferences(NamedParameterJdbcTemplate jdbc, References references) {
        this.jdbc = jdbc;
        this.references = references;
    }

    /** Resolves the references of the orders (and their children) in place; failures by order. */
    public Map<Draft, Failure> resolve(String tenant, List<Draft> orders) {
        Map<Kind, Set<String>> refs = new EnumMap<>(Kind.class);
        orders.forEach(order -> collect(order, refs));
        Map<Kind, Map<String, String>> resolved = new EnumMap<>(Kind.class);
        refs.forEach((kind, values) -> {
            if (kind != Kind.LOCATION) {
                resolved.put(kind, references.resolve(kind, tenant, values));
            }
        });
        Map<String, Partner> partners = partners(resolved.getOrDefault(Kind.BUSINESS_PARTNER, Map.of()).values());
        List<Location> locations = locations(tenant, refs.getOrDefault(Kind.LOCATION, Set.of()));

        Set<String> companies = Set.copyOf(resolved.getOrDefault(Kind.COMPANY, Map.of()).values());
        Map<Draft, Failure> failures = new IdentityHashMap<>();
        for (Draft order : orders) {
            List<Failure> problems = new ArrayList<>();
            check(order, resolved, problems);
            checkParties(order, partners, companies, problems);
            if (partners.containsKey(order.text("clientId"))) {
                checkAddress(order, "shippingAddressId", "shipping", locations, problems);
                checkAddress(order, "billingAddressId", "billing", locations, problems);
            }
            if (!problems.isEmpty()) {
                failures.put(order, combine(problems));
            }
        }
        return failures;
    }

    private static void collect(Draft order, Map<Kind, Set<String>> refs) {
        for (Draft draft : order.tree()) {
            for (Attribute attribute : draft.part().attributes()) {
                if (attribute.type() == Type.REF && draft.get(attribute.name()) != null) {
                    refs.computeIfAbsent(attribute.kind(), k -> new HashSet<>()).add(draft.text(attribute.name()));
                }
            }
        }
    }

    /** Every reference but locations: unknown is a 404 naming what the reference is to. */
    private static void check(Draft order, Map<Kind, Map<String, String>> resolved, List<Failure> problems) {
        for (Draft draft : order.tree()) {
            for (Attribute attribute : draft.part().attributes()) {
                if (attribute.type() != Type.REF || attribute.kind() == Kind.LOCATION
                        || draft.get(attribute.name()) == null) {
                    continue;
                }
                String ref = draft.text(attribute.name());
                String id = resolved.get(attribute.kind()).get(ref);
                if (id == null) {
                    problems.add(new Failure(404, "No entity found for " + label(attribute) + " with " + ref + "."));
                } else {
                    draft.resolve(attribute.name(), id);
                }
            }
        }
    }

    private static String label(Attribute attribute) {
        return switch (attribute.name()) {
            case "clientId" -> "Client";
            case "agentId" -> "Agent";
            default -> attribute.kind().entity();
        };
    }

    /** The client must be a Client and the agent a Representant, both of the order's company. */
    private static void checkParties(Draft order, Map<String, Partner> partners, Set<String> knownCompanies,
            List<Failure> problems) {
        String companyId = order.text("companyId");
        for (String[] party : new String[][] {{"clientId", "Client", CLIENT}, {"agentId", "Agent", AGENT}}) {
            Partner partner = partners.get(order.text(party[0]));
            if (partner == null) {
                continue; // unknown: reported by check()
            }
            if (!partner.roles().contains(party[2])) {
                problems.add(new Failure(400, "Business partner " + order.given(party[0]) + " does not have the role "
                        + party[2] + "."));
            }
            if (knownCompanies.contains(companyId) && !partner.companyId().equals(companyId)) {
                problems.add(new Failure(400, party[1] + " " + order.given(party[0]) + " does not belong to company "
                        + order.given("companyId") + "."));
            }
        }
    }

    /** The address must be a location of the order's client, flagged for its use. */
    private static void checkAddress(Draft order, String field, String use, List<Location> locations,
            List<Failure> problems) {
        String ref = order.text(field);
        if (ref == null) {
            return;
        }
        String clientId = order.text("clientId");
        Location match = null;
        boolean elsewhere = false;
        for (Location location : locations) {
            boolean byId = location.id().equals(ref);
            if (!byId && !location.idRemote().equals(ref)) {
                continue;
            }
            if (!location.partnerId().equals(clientId)) {
                elsewhere = true;
            } else if (match == null || byId) {
                match = location;
            }
        }
        if (match == null) {
            problems.add(elsewhere
                    ? new Failure(400, "Location " + ref + " is not a location of client " + order.given("clientId") + ".")
                    : new Failure(404, "No entity found for Location with " + ref + "."));
            return;
        }
        if (use.equals("shipping") ? !match.shipping() : !match.billing()) {
            problems.add(new Failure(400, "Location " + ref + " is not a " + use + " address."));
            return;
        }
        order.resolve(field, match.id());
    }

    private static Failure combine(List<Failure> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return new Failure(problems.get(0).code(),
                String.join(" ", problems.stream().map(Failure::message).distinct().toList()));
    }

    private Map<String, Partner> partners(java.util.Collection<String> ids) {
        Map<String, Partner> partners = new HashMap<>();
        if (ids.isEmpty()) {
            return partners;
        }
        jdbc.query(SqlFiles.get("order/partner-facts"), new MapSqlParameterSource("ids", new HashSet<>(ids)), rs -> {
            String companyId = rs.getString("company_id");
            Partner partner = partners.computeIfAbsent(rs.getString("id"), id -> new Partner(companyId, new HashSet<>()));
            String role = rs.getString("role");
            if (role != null) {
                partner.roles().add(role);
            }
        });
        return partners;
    }

    private List<Location> locations(String tenant, Set<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SqlFiles.get("reference/business-partner/resolve-location"),
                new MapSqlParameterSource("tenant", tenant).addValue("refs", refs),
                (rs, n) -> new Location(rs.getString("id"), rs.getString("id_remote"), rs.getString("partner_id"),
                        rs.getBoolean("shipping_address"), rs.getBoolean("billing_address")));
    }
}
