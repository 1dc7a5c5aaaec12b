package org.opd.orchestrator.identity.client.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.opd.orchestrator.identity.client.ApiClient;
import org.opd.orchestrator.identity.client.ApiClients;
import org.opd.orchestrator.identity.client.ClientKind;
import org.opd.orchestrator.identity.client.IssuedCredential;
import org.opd.orchestrator.identity.client.NewApiClient;
import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.opd.security.PermissionDeniedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Client credentials, issued and revoked by administrators: waiting-room screens ({@code DISPLAY})
 * and hospital systems or scripts ({@code INTEGRATION}, with the roles given). The secret is in
 * the answer to the issue and nowhere else.
 */
@RestController
class ApiClientController {

    private final ApiClients clients;

    ApiClientController(ApiClients clients) {
        this.clients = clients;
    }

    record IssueClientRequest(
            @NotNull ClientKind kind,
            @NotBlank @Size(max = 255) String name,
            UUID hospitalId,
            UUID deptId,
            UUID doctorId,
            Set<Role> roles) {

        NewApiClient toNewApiClient() {
            return new NewApiClient(kind, name, hospitalId, deptId, doctorId, roles == null ? Set.of() : roles);
        }
    }

    record ClientResponse(UUID credentialId, String clientId, String clientSecret, ClientKind kind, String name,
                          UUID hospitalId, UUID deptId, UUID doctorId, Set<Role> roles, boolean revoked) {

        static ClientResponse of(ApiClient client, String secret) {
            return new ClientResponse(client.credentialId(), client.clientId(), secret, client.kind(), client.name(),
                    client.hospitalId(), client.deptId(), client.doctorId(), client.roles(), client.revoked());
        }
    }

    @PostMapping("/api/v1/api-clients")
    ResponseEntity<ClientResponse> issue(@Valid @RequestBody IssueClientRequest request, Caller caller) {
        IssuedCredential issued = clients.issue(request.toNewApiClient(), caller);
        return ResponseEntity.created(URI.create("/api/v1/api-clients/" + issued.client().credentialId()))
                .body(ClientResponse.of(issued.client(), issued.clientSecret()));
    }

    @GetMapping("/api/v1/api-clients")
    List<ClientResponse> list(@RequestParam(required = false) UUID hospitalId, @RequestParam(required = false) ClientKind kind) {
        return clients.list(hospitalId, kind).stream().map(client -> ClientResponse.of(client, null)).toList();
    }

    @PostMapping("/api/v1/api-clients/{credentialId}/revoke")
    ClientResponse revoke(@PathVariable UUID credentialId, Caller caller) {
        ApiClient client = clients.require(credentialId);
        if (client.hospitalId() == null ? caller.hospitalId() != null : !caller.mayActIn(client.hospitalId())) {
            throw new PermissionDeniedException("role ADMIN of the credential's hospital");
        }
        return ClientResponse.of(clients.revoke(credentialId), null);
    }
}
