package org.opd.eta.projection;

import org.opd.eta.EtaCalculatorApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command that rebuilds Redis from Kafka after Redis lost everything:
 * {@code java -cp eta-calculator-exec.jar -Dloader.main=org.opd.eta.projection.RebuildRedis org.springframework.boot.loader.launch.PropertiesLauncher}
 * with the service's usual configuration (same {@code eta-calculator.yml}, env and {@code --opd.eta.*} arguments).
 * It starts no queue topology, projector or web server (profile {@value #PROFILE}), projects every
 * snapshot, and exits.
 */
public final class RebuildRedis {

    public static final String PROFILE = "rebuild-redis";

    private RebuildRedis() {
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = EtaCalculatorApplication.builder()
                .web(WebApplicationType.NONE).profiles(PROFILE).run(args)) {
            context.getBean(RedisRebuild.class).run();
        }
    }
}
