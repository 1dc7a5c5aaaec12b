package org.opd.security.sample;

import java.util.Map;

import org.opd.security.Caller;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service that declares no security of its own: it gets the security module's default chain. */
@SpringBootApplication
public class SampleService {

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
    }
}
