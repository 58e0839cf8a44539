package com.orderhub.reference;

import static com.orderhub.reference.FlatReference.Attribute.decimal;
import static com.orderhub.reference.FlatReference.Attribute.text;

import com.orderhub.config.OrderHubProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The flat reference entities of the API reference; the bean names are what the routes call. */
@Configuration
public class ReferenceConfiguration {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OrderHubProperties.Api limits;

    public ReferenceConfiguration(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
            OrderHubProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.limits = properties.api();
    }

    private FlatReference flat(String folder, FlatReference.Attribute... attributes) {
        return new FlatReference(folder, List.of(attributes), jdbc, transaction, limits);
    }

    @Bean
    public FlatReference companies() {
        return flat("company", text("companyName", true, 255));
    }

    @Bean
    public FlatReference seasons() {
        return flat("season", text("description", true, 255));
    }

    @Bean
    public FlatReference products() {
        return flat("product", text("reference", true, 100), text("description", false, 1000),
                decimal("price", false));
    }

    @Bean
    public FlatReference discountTypes() {
        return flat("discount-type", text("name", true, 255), text("code", false, 100),
                text("description", false, 1000));
    }

    @Bean
    public FlatReference orderStatuses() {
        return flat("order-status", text("description", true, 255));
    }

    @Bean
    public FlatReference lineStatuses() {
        return flat("line-status", text("description", true, 255));
    }
}
