package org.opd.cdc;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
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
