package org.opd.security.sample;

import java.util.Map;

import org.opd.security.Caller;
import org.opd.security.PublicPaths;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service that declares no security of its own: it gets the security module's default chain. */
@SpringBootApplication
public class SampleService {

    /** A provider's signed callback: no access token, the service checks the caller itself. */
    @Bean
    PublicPaths callbacks() {
        return PublicPaths.of("/callbacks/**");
    }

    record Callback(String status) {
    }

    @RestController
    static class Api {

        @GetMapping("/api/whoami")
        Map<String, Object> whoami(Caller caller) {
            return Map.of("subject", caller.subject(), "roles", caller.roles());
        }

        @PostMapping("/api/echo")
        String echo(@RequestBody String body) {
            return body;
        }

        @PostMapping("/callbacks/status")
        String callback(@RequestBody Callback callback) {
            return callback.status();
        }
    }
}
