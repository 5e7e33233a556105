package dev.janela.server.config;

import java.util.Objects;
import java.util.Optional;

/**
 * What the settings ask the first start to set up.
 *
 * @param adminToken a bearer token to register as the default account's admin token; without one, a token is
 *     generated and printed once
 * @param adminEmail the address of the admin user made on first start, who signs in to the web pages
 * @param adminPassword that admin's password; without one, a password is generated and printed once
 * @param demo whether to give the default account a demo channel with customers in every state ({@code --demo})
 */
public record FirstStart(Optional<String> adminToken, String adminEmail, Optional<String> adminPassword,
        boolean demo) {
    public FirstStart {
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(adminEmail, "adminEmail");
        Objects.requireNonNull(adminPassword, "adminPassword");
    }

    @Override
    public String toString() {
        return "FirstStart[adminToken=" + adminToken.map(token -> "***").orElse("unset") + ", adminEmail="
                + adminEmail + ", adminPassword=" + adminPassword.map(password -> "***").orElse("unset") + ", demo="
                + demo + "]";
    }
}
