package dev.janela.server.sandbox;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.web.Allowed;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sandbox/{phone_number_id}/inbound}: play a customer writing to one of the account's channels. */
@RestController
class SandboxController {
    private final SandboxCustomers customers;

    SandboxController(SandboxCustomers customers) {
        this.customers = customers;
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/sandbox/{phoneNumberId}/inbound")
    @ResponseStatus(HttpStatus.CREATED)
    SandboxCustomers.Received receive(@PathVariable String phoneNumberId,
            @RequestBody SandboxCustomers.Written request, Caller caller) {
        return customers.write(caller, phoneNumberId, request);
    }
}
