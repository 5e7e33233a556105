package dev.janela.server.webhook;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link WebhookReceiver} in front of its path, ahead of every other filter, and describes it in the OpenAPI
 * document, which sees only controllers.
 */
@Configuration(proxyBeanMethods = false)
class ReceiverConfiguration {
    @Bean
    FilterRegistrationBean<WebhookReceiver> webhookReceiverFirst(WebhookReceiver receiver) {
        FilterRegistrationBean<WebhookReceiver> registration = new FilterRegistrationBean<>(receiver);
        registration.addUrlPatterns(WebhookReceiver.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    OpenApiCustomizer webhookDeliveriesDescribed() {
        return api -> api.getPaths().computeIfAbsent(WebhookReceiver.PATH, path -> new PathItem())
                .post(new Operation().summary("A delivery of Meta's webhooks")
                        .description("Customers' messages, delivery reports and template changes, as Meta sends"
                                + " them. Answered 200 once every item is committed; an item already applied"
                                + " changes nothing.")
                        .addParametersItem(new HeaderParameter().name("X-Hub-Signature-256").required(true)
                                .description("sha256= and the HMAC-SHA256 of the raw body with the app secret")
                                .schema(new StringSchema()))
                        .requestBody(new RequestBody().required(true).content(new Content()
                                .addMediaType("application/json", new MediaType().schema(new ObjectSchema()))))
                        .responses(new ApiResponses()
                                .addApiResponse("200", new ApiResponse().description("Every item is committed"))
                                .addApiResponse("400", new ApiResponse().description("The body is not a JSON"
                                        + " object"))
                                .addApiResponse("401", new ApiResponse().description("The signature is missing or"
                                        + " is not the body's with the app secret"))
                                .addApiResponse("413", new ApiResponse().description("The body is over 1 MiB"))
                                .addApiResponse("503", new ApiResponse().description("An item cannot be applied"
                                        + " yet; Meta delivers it again")))
                        .security(List.of()));
    }
}
