package dev.janela.server.inbox;

import dev.janela.core.customer.Bsuid;
import dev.janela.core.template.TemplateBody;
import dev.janela.server.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;

/**
 * A template as the composer fills it in: the values typed so far for its header's and body's parameters (form fields
 * {@code header.<name>} and {@code body.<name>}), the message they make, and the Cloud API request that sends it.
 */
record TemplateDraft(Template template, Map<String, String> header, Map<String, String> body) {
    static TemplateDraft of(Template template, MultiValueMap<String, String> form) {
        return new TemplateDraft(template, values("header.", template.header(), form),
                values("body.", Optional.of(template.body()), form));
    }

    /** The message as the customer would read it; a parameter not filled in yet shows as itself. */
    public String preview() {
        List<String> lines = new ArrayList<>();
        template.header().map(part -> render(part, header)).ifPresent(lines::add);
        lines.add(render(template.body(), body));
        template.footer().map(TemplateBody::text).ifPresent(lines::add);
        return String.join("\n", lines);
    }

    /** The Cloud API's request to send this template to the customer {@code handle} names. */
    Map<String, Object> request(String handle) {
        List<Object> components = new ArrayList<>();
        template.header().ifPresent(part -> components.add(component("header", part, header)));
        components.add(component("body", template.body(), body));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", template.name());
        content.put("language", Map.of("code", template.language()));
        content.put("components", components);
        return Map.of("messaging_product", "whatsapp", addressField(handle), handle, "type", "template", "template",
                content);
    }

    /** The Cloud API's request to send {@code text} to the customer {@code handle} names. */
    static Map<String, Object> textRequest(String handle, String text) {
        return Map.of("messaging_product", "whatsapp", addressField(handle), handle, "type", "text", "text",
                Map.of("body", text));
    }

    /** {@code to} for a phone number, {@code recipient} for a customer known only by a BSUID. */
    private static String addressField(String handle) {
        return Bsuid.looksLikeOne(handle) ? "recipient" : "to";
    }

    private static Map<String, String> values(String prefix, Optional<TemplateBody> part,
            MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        part.ifPresent(body -> body.parameters().forEach(name ->
                values.put(name, Optional.ofNullable(form.getFirst(prefix + name)).orElse("").strip())));
        return values;
    }

    private static String render(TemplateBody part, Map<String, String> values) {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((name, value) -> shown.put(name, value.isEmpty() ? "{{" + name + "}}" : value));
        return part.render(shown);
    }

    private static Map<String, Object> component(String type, TemplateBody part, Map<String, String> values) {
        List<Object> parameters = new ArrayList<>();
        values.forEach((name, value) -> {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("type", "text");
            parameter.put("text", value);
            if (part.isNamed()) {
                parameter.put("parameter_name", name);
            }
            parameters.add(parameter);
        });
        return Map.of("type", type, "parameters", parameters);
    }
}
