package dev.janela.server.campaign;

import dev.janela.core.customer.Bsuid;
import dev.janela.core.template.TemplateBody;
import dev.janela.server.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's recipient as a Cloud API send of its template, the body {@code POST /v1/{phone_number_id}/messages}
 * takes, so that a campaign is sent through the same path, checks and charges as any other send:
 *
 * <pre>
 * {"messaging_product":"whatsapp","to":"+5521987654321","type":"template","template":{"name":"promo",
 *  "language":{"code":"en"},"components":[{"type":"header","parameters":[{"type":"text","text":"Rio"}]},
 *  {"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}}
 * </pre>
 *
 * <p>A customer known by a number is addressed with {@code to}; one known by a BSUID, with {@code recipient}. A named
 * parameter carries its {@code parameter_name}, as Meta requires.
 */
@Component
public class CampaignMessages {
    private final JsonMapper json;

    CampaignMessages(JsonMapper json) {
        this.json = json;
    }

    /**
     * The send of {@code template} to {@code recipient}, one of the campaign's, as JSON.
     *
     * @throws IllegalArgumentException if the recipient's parameters are not as many as the template's (its list was
     *     read for this template, so they are unless the template changed)
     */
    public byte[] sendBody(Template template, CampaignRecipient recipient) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(recipient, "recipient");
        List<String> values = recipient.parameters();
        int headerCount = template.header().map(TemplateBody::parameterCount).orElse(0);
        if (values.size() != headerCount + template.body().parameterCount()) {
            throw new IllegalArgumentException("line " + recipient.line() + " has " + values.size()
                    + " parameter values; template " + template.name() + " has "
                    + (headerCount + template.body().parameterCount()));
        }
        List<Map<String, Object>> components = new ArrayList<>();
        template.header().filter(header -> header.parameterCount() > 0).ifPresent(header ->
                components.add(component("header", header, values.subList(0, headerCount))));
        if (template.body().parameterCount() > 0) {
            components.add(component("body", template.body(), values.subList(headerCount, values.size())));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messaging_product", "whatsapp");
        if (Bsuid.looksLikeOne(recipient.recipient())) {
            message.put("recipient", recipient.recipient());
        } else {
            message.put("to", "+" + recipient.recipient());
        }
        message.put("type", "template");
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("name", template.name());
        part.put("language", Map.of("code", template.language()));
        part.put("components", components);
        message.put("template", part);
        return json.writeValueAsBytes(message);
    }

    private static Map<String, Object> component(String type, TemplateBody text, List<String> values) {
        List<Map<String, Object>> parameters = new ArrayList<>(values.size());
        for (int index = 0; index < values.size(); index++) {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("type", "text");
            if (text.isNamed()) {
                parameter.put("parameter_name", text.parameters().get(index));
            }
            parameter.put("text", values.get(index));
            parameters.add(parameter);
        }
        return Map.of("type", type, "parameters", parameters);
    }
}
