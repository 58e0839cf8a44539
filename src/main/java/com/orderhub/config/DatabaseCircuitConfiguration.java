package com.orderhub.config;

import com.orderhub.db.DatabaseCircuit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * Puts the hub's DataSource behind the {@link DatabaseCircuit}, so everything that reads or
 * writes (the API, the intake, files, exports, health) learns at once that PostgreSQL is away.
 */
@Configuration
@EnableConfigurationProperties(DatabaseCircuitConfiguration.CircuitSettings.class)
public class DatabaseCircuitConfiguration {

    /**
     * {@code orderhub.database.circuit.*}: the circuit opens after {@code failures} attempts in a
     * row to reach the database failed, and refuses calls for {@code openFor} before one tries again.
     */
    @Validated
    @ConfigurationProperties(prefix = "orderhub.database.circuit")
    public record CircuitSettings(
            @Min(1) @Max(100) @DefaultValue("3") int failures,
            @NotNull @DefaultValue("2s") Duration openFor) {
    }

    @Bean
    public DatabaseCircuit databaseCircuit(CircuitSettings settings) {
        return new DatabaseCircuit(settings.failures(), settings.openFor());
    }

    /** Static, as a post-processor must be; it asks for the circuit only when the pool is made. */
    @Bean
    public static BeanPostProcessor guardDataSource(ObjectProvider<DatabaseCircuit> circuit) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource pool && "dataSource".equals(name)
                        ? circuit.getObject().guard(pool) : bean;
            }
        };
    }
}
