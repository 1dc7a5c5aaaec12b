package org.opd.cdc;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// The connector opens its own connections (opd.cdc.database); next to the other services in one JVM,
// Spring Boot would otherwise build a DataSource from the JDBC jars they bring and fail without a URL.
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
// Gives the outbox clean-up and the slot monitor Spring Boot's task scheduler.
@EnableScheduling
public class CdcConnectorApplication {

    /**
     * The service reads {@code cdc-connector.yml}, not {@code application.yml}, so that the all-in-one
     * runner can start every service in one JVM, each with its own configuration.
     */
    public static final String CONFIG_NAME = "cdc-connector";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CdcConnectorApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
