package org.opd.orchestrator;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
// Scheduled jobs (automatic no-show, key clean-up) register through SchedulingConfigurer with their own config.
@EnableScheduling
public class OrchestratorApplication {

    /**
     * The service reads {@code orchestrator.yml}, not {@code application.yml}, so that the all-in-one
     * runner can start every service in one JVM, each with its own configuration.
     */
    public static final String CONFIG_NAME = "orchestrator";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(OrchestratorApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * Every time the orchestrator records (check-in, call, consultation) comes from this clock, in
     * UTC. It ticks in microseconds, PostgreSQL's precision, so what an answer shows is what is stored.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
