package dev.janela.server.send;

import dev.janela.core.customer.Bsuid;
import dev.janela.core.phone.E164;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A send request in Meta's Cloud API shape, read and checked the way Meta checks it:
 *
 * <pre>
 * {"messaging_product":"whatsapp","to":"+5521988887777","type":"text","text":{"body":"Hello"}}
 * {"messaging_product":"whatsapp","to":"5521988887777","type":"template","template":{"name":"order_update",
 *  "language":{"code":"en"},"components":[{"type":"body","parameters":[{"type":"text","text":"#42"}]}]}}
 * {"messaging_product":"whatsapp","recipient":"BR.1502512345678901","type":"text","text":{"body":"Hello"}}
 * </pre>
 *
 * <p>A customer whose phone number the business does not know is addressed by their business-scoped user ID
 * ({@code recipient}); when a request gives both, {@code to} wins, as at Meta.
 *
 * @param input the recipient as the request wrote it ({@code to}, else {@code recipient})
 * @param customer the recipient's handle: the number's digits, or the BSUID
 * @param type the message's type
 * @param text a text message's body
 * @param template a template message's name, language and body parameters
 * @param callbackData what the client asks to have echoed in the message's statuses
 *     ({@code biz_opaque_callback_data})
 */
record SendRequest(String input, String customer, String type, Optional<String> text, Optional<TemplatePart> template,
        Optional<String> callbackData) {
    /** The most characters a text message may have, as Meta allows. */
    static final int MAX_TEXT = 4096;
    static final int MAX_CALLBACK_DATA = 512;
    private static final Set<String> FREE_FORM_TYPES = Set.of("text", "image", "audio", "video", "document",
            "sticker", "location", "interactive", "contacts", "reaction");
    private static final Set<String> MEDIA_TYPES = Set.of("image", "audio", "video", "document", "sticker");

    /**
     * A template's reference and parameters.
     *
     * @param parameters the body's parameters in order, each with its name for named templates
     */
    record TemplatePart(String name, String language, List<Parameter> parameters, List<Parameter> header) {
    }

    /** One body parameter; {@code name} is empty for numbered parameters. */
    record Parameter(Optional<String> name, String value) {
    }

    boolean isTemplate() {
        return template.isPresent();
    }

    /**
     * Reads a request body.
     *
     * @throws Refusal in Meta's codes: {@code 131008} for a missing field, {@code 100} for a recipient that
     *     is not a number, {@code 131009} for another invalid value
     */
    static SendRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Refusal(Reason.INVALID_REQUEST, "the request body must be a JSON object");
        }
        String product = requiredText(body, "messaging_product");
        if (!product.equals("whatsapp")) {
            throw invalid("messaging_product must be whatsapp");
        }
        String input = recipientInput(body);
        String customer = recipientHandle(body, input);
        String type = body.has("type") ? requiredText(body, "type") : "text";
        Optional<String> callbackData = callbackData(body);
        if (type.equals("template")) {
            return new SendRequest(input, customer, type, Optional.empty(),
                    Optional.of(template(object(body, "template"))), callbackData);
        }
        if (!FREE_FORM_TYPES.contains(type)) {
            throw invalid("type " + type + " is not a message type Janela sends; use text, image, audio, video,"
                    + " document, sticker, location, interactive, contacts, reaction or template");
        }
        JsonNode content = object(body, type);
        Optional<String> text = Optional.empty();
        if (type.equals("text")) {
            String textBody = requiredText(content, "text.body", "body");
            if (textBody.length() > MAX_TEXT) {
                throw invalid("text.body has " + textBody.length() + " characters; at most " + MAX_TEXT);
            }
            text = Optional.of(textBody);
        } else if (MEDIA_TYPES.contains(type) && !content.has("id") && !content.has("link")) {
            throw new Refusal(Reason.REQUIRED_PARAMETER_MISSING, type + " needs an id or a link");
        } else if (type.equals("location") && !(content.has("latitude") && content.has("longitude"))) {
            throw new Refusal(Reason.REQUIRED_PARAMETER_MISSING, "location needs latitude and longitude");
        }
        return new SendRequest(input, customer, type, text, Optional.empty(), callbackData);
    }

    /** Whether the request addresses the customer by a BSUID only, without a phone number. */
    boolean toBsuid() {
        return Bsuid.looksLikeOne(customer);
    }

    /** {@code to} when the request has one, else {@code recipient}. */
    private static String recipientInput(JsonNode body) {
        JsonNode to = body.get("to");
        if (to != null && !to.isNull()) {
            return requiredText(body, "to");
        }
        JsonNode recipient = body.get("recipient");
        if (recipient == null || recipient.isNull()) {
            throw new Refusal(Reason.REQUIRED_PARAMETER_MISSING, "to or recipient is required: the customer's phone"
                    + " number, or their business-scoped user ID");
        }
        return requiredText(body, "recipient");
    }

    /** The handle of the customer {@code input} names: a number's digits, or a BSUID as it was written. */
    private static String recipientHandle(JsonNode body, String input) {
        boolean byNumber = body.hasNonNull("to");
        if (byNumber || !Bsuid.looksLikeOne(input)) {
            E164.Parsed number = E164.parse(input);
            if (!number.isValid()) {
                throw new Refusal(Reason.INVALID_REQUEST, (byNumber ? "to " : "recipient ") + number.problem());
            }
            return Long.toString(number.digits());
        }
        Optional<String> problem = Bsuid.problem(input);
        if (problem.isPresent()) {
            throw new Refusal(Reason.INVALID_REQUEST, "recipient " + problem.get());
        }
        return input;
    }

    /** {@code biz_opaque_callback_data}: text of at most 512 characters, as Meta takes it. */
    private static Optional<String> callbackData(JsonNode body) {
        JsonNode data = body.get("biz_opaque_callback_data");
        if (data == null || data.isNull()) {
            return Optional.empty();
        }
        if (!data.isString() || data.asString().length() > MAX_CALLBACK_DATA) {
            throw invalid("biz_opaque_callback_data must be text of at most " + MAX_CALLBACK_DATA + " characters");
        }
        return Optional.of(data.asString()).filter(text -> !text.isEmpty());
    }

    private static TemplatePart template(JsonNode template) {
        String name = requiredText(template, "template.name", "name");
        JsonNode language = template.get("language");
        if (language == null || language.isNull()) {
            throw new Refusal(Reason.REQUIRED_PARAMETER_MISSING, "template.language is required");
        }
        if (!language.isObject()) {
            throw invalid("template.language must be an object such as {\"code\":\"en_US\"}");
        }
        String code = requiredText(language, "template.language.code", "code");
        List<Parameter> parameters = new ArrayList<>();
        List<Parameter> header = new ArrayList<>();
        JsonNode components = template.get("components");
        if (components != null && !components.isNull()) {
            if (!components.isArray()) {
                throw invalid("template.components must be an array");
            }
            for (JsonNode component : components) {
                String type = component.path("type").asString("");
                if (type.equals("body") || type.equals("header")) {
                    for (JsonNode parameter : component.path("parameters")) {
                        (type.equals("body") ? parameters : header).add(parameter(parameter));
                    }
                }
            }
        }
        return new TemplatePart(name, code, parameters, header);
    }

    private static Parameter parameter(JsonNode parameter) {
        String kind = parameter.path("type").asString("text");
        JsonNode value = switch (kind) {
            case "text" -> parameter.get("text");
            case "currency", "date_time" -> parameter.path(kind).get("fallback_value");
            default -> throw invalid("a body parameter's type must be text, currency or date_time, not " + kind);
        };
        if (value == null || !value.isString()) {
            throw new Refusal(Reason.REQUIRED_PARAMETER_MISSING, "a " + kind + " parameter needs its value");
        }
        Optional<String> name = Optional.ofNullable(parameter.get("parameter_name")).filter(JsonNode::isString)
                .map(JsonNode::asString);
        return new Parameter(name, value.asString());
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new Refusal(Reason.REQUIRED_PARAMETER_MISSING, field + " is required for type " + field);
        }
        if (!value.isObject()) {
            throw invalid(field + " must be an object");
        }
        return value;
    }

    private static String requiredText(JsonNode parent, String field) {
        return requiredText(parent, field, field);
    }

    private static String requiredText(JsonNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new Refusal(Reason.REQUIRED_PARAMETER_MISSING, path + " is required");
        }
        if (!value.isString() || value.asString().isEmpty()) {
            throw invalid(path + " must be a non-empty string");
        }
        return value.asString();
    }

    private static Refusal invalid(String details) {
        return new Refusal(Reason.PARAMETER_VALUE_INVALID, details);
    }
}
