package dev.janela.server.campaign;

import dev.janela.core.customer.Bsuid;
import dev.janela.core.template.TemplateBody;
import dev.janela.server.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign recipient's send as a Cloud API client would write it, so that it takes the same path, and is refused
 * for the same reasons, as any send: the template by name and language, the header's values and then the body's, in
 * the order the template names its parameters.
 */
final class CampaignRequests {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CampaignRequests() {
    }

    /** The send of {@code template} to {@code recipient} (a number's digits or a BSUID) with {@code values}. */
    static byte[] body(Template template, String recipient, List<String> values) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("messaging_product", "whatsapp");
        request.put(Bsuid.looksLikeOne(recipient) ? "recipient" : "to", recipient);
        request.put("type", "template");
        int headerCount = template.header().map(TemplateBody::parameterCount).orElse(0);
        List<Map<String, Object>> components = new ArrayList<>();
        component("header", template.header(), values.subList(0, Math.min(headerCount, values.size())))
                .ifPresent(components::add);
        component("body", Optional.of(template.body()), values.subList(Math.min(headerCount, values.size()),
                values.size())).ifPresent(components::add);
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("name", template.name());
        part.put("language", Map.of("code", template.language()));
        part.put("components", components);
        request.put("template", part);
        return JSON.writeValueAsBytes(request);
    }

    private static Optional<Map<String, Object>> component(String type, Optional<TemplateBody> body,
            List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("type", "text");
            parameter.put("text", values.get(i));
            if (body.isPresent() && body.get().isNamed() && i < body.get().parameters().size()) {
                parameter.put("parameter_name", body.get().parameters().get(i));
            }
            parameters.add(parameter);
        }
        return Optional.of(Map.of("type", type, "parameters", parameters));
    }
}
