package com.orderhub.ingest;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class IngestConfiguration {

    /**
     * The files every inbox has taken, in the database all instances share (table
     * camel_messageprocessed, created by Flyway), so a file is processed once even across
     * restarts and instances.
     */
    @Bean
    public JdbcMessageIdRepository fileIdempotentRepository(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "file-ingest");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
