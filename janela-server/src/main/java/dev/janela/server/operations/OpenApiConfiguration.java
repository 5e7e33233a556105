package dev.janela.server.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document at {@code /openapi.json} says of Janela as a whole: its name and how to sign in. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    private static final String BEARER = "bearer";

    @Bean
    OpenAPI janelaApi() {
        String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info().title("Janela").version(version == null ? "development" : version)
                        .description("WhatsApp Business sessions and billing: the operator API under /api, the"
                                + " Cloud-API-compatible send endpoint, and Meta's webhooks. Errors on /api are"
                                + " {\"code\",\"message\",\"fields\"}; on the Cloud API paths, Meta's envelope."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A token from the first start, JANELA_ADMIN_TOKEN, or /api/tokens")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
