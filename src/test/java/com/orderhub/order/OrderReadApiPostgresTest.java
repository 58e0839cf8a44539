package com.orderhub.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/** {@link OrderReadApiTests} on the real PostgreSQL at 127.0.0.1:5432. */
@ActiveProfiles("postgres")
class OrderReadApiPostgresTest extends OrderReadApiTests {

    /**
     * As in prod: a page's statements are planned once per connection, not on every request. The
     * prod profile's setting is read too, so this profile cannot drift from it unnoticed.
     */
    @Test
    void theHubsConnectionsKeepOnePlanPerStatement() {
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_generic_plan");
        YamlPropertiesFactoryBean prod = new YamlPropertiesFactoryBean();
        prod.setResources(new ClassPathResource("application-prod.yml"));
        assertThat(prod.getObject().getProperty("spring.datasource.hikari.connection-init-sql"))
                .isEqualTo("SET plan_cache_mode = force_generic_plan");
    }
}
