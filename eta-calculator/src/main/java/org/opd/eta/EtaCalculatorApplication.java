package org.opd.eta;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EtaCalculatorApplication {

    /**
     * The service reads {@code eta-calculator.yml}, not {@code application.yml}, so that the all-in-one
     * runner can start every service in one JVM, each with its own configuration.
     */
    public static final String CONFIG_NAME = "eta-calculator";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(EtaCalculatorApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
