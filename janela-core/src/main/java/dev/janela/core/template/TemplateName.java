package dev.janela.core.template;

import java.util.List;
import java.util.regex.Pattern;

/** Meta's rule for template names: lower-case letters, digits and {@code _}, at most 512 characters. */
public final class TemplateName {
    /** The longest name Meta accepts. */
    public static final int MAX_LENGTH = 512;
    private static final Pattern VALID = Pattern.compile("[a-z0-9_]+");

    private TemplateName() {
    }

    /**
     * Checks {@code name} against Meta's rule.
     *
     * @throws InvalidTemplateException naming the field and the rule
     */
    public static String require(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid("is required");
        }
        if (name.length() > MAX_LENGTH) {
            throw invalid("has " + name.length() + " characters; Meta allows at most " + MAX_LENGTH);
        }
        if (!VALID.matcher(name).matches()) {
            throw invalid("may hold only lower-case letters, digits and _, as in order_update");
        }
        return name;
    }

    private static InvalidTemplateException invalid(String message) {
        return new InvalidTemplateException(List.of(new InvalidTemplateException.Problem("name", message)));
    }
}
