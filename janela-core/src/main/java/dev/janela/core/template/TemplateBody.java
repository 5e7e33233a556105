package dev.janela.core.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's text (its body, or its header or footer) and its parameters, which are either all positional
 * ({@code {{1}}}, {@code {{2}}}...) or all named ({@code {{first_name}}}). Immutable.
 */
public final class TemplateBody {
    /** The longest body Meta accepts, in characters. */
    public static final int MAX_LENGTH = 1024;
    /** The longest header or footer Meta accepts, in characters. */
    public static final int MAX_EDGE_LENGTH = 60;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Pattern POSITIONAL = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern NAMED = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Part BODY = new Part("body", MAX_LENGTH, Integer.MAX_VALUE, false);
    private static final Part HEADER = new Part("header", MAX_EDGE_LENGTH, 1, true);
    private static final Part FOOTER = new Part("footer", MAX_EDGE_LENGTH, 0, true);

    private final String text;
    private final List<String> parameters;
    private final boolean named;

    private TemplateBody(String text, List<String> parameters, boolean named) {
        this.text = text;
        this.parameters = List.copyOf(parameters);
        this.named = named;
    }

    /**
     * Reads a body, checking Meta's rules for it: present, at most 1,024 characters, parameters numbered from 1
     * without gaps or all named in lower case, and not at the very start or end.
     *
     * @throws InvalidTemplateException listing every rule the body breaks
     */
    public static TemplateBody parse(String text) {
        return parse(text, BODY);
    }

    /**
     * Reads a header's text: at most 60 characters and one parameter, which may stand anywhere.
     *
     * @throws InvalidTemplateException listing every rule it breaks, as the field {@code header}
     */
    public static TemplateBody parseHeader(String text) {
        return parse(text, HEADER);
    }

    /**
     * Reads a footer: at most 60 characters, without parameters.
     *
     * @throws InvalidTemplateException listing every rule it breaks, as the field {@code footer}
     */
    public static TemplateBody parseFooter(String text) {
        return parse(text, FOOTER);
    }

    private static TemplateBody parse(String text, Part part) {
        List<InvalidTemplateException.Problem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new InvalidTemplateException(List.of(problem(part, "is required")));
        }
        if (text.length() > part.maxLength()) {
            problems.add(problem(part, "has " + text.length() + " characters; Meta allows at most "
                    + part.maxLength()));
        }
        Set<String> positional = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String inside = matcher.group(1).strip();
            if (POSITIONAL.matcher(inside).matches()) {
                positional.add(inside);
            } else if (NAMED.matcher(inside).matches()) {
                names.add(inside);
            } else {
                problems.add(problem(part, "{{" + matcher.group(1) + "}} is not a parameter; write {{1}} or"
                        + " {{first_name}} (lower-case letters, digits and _)"));
            }
        }
        if (!positional.isEmpty() && !names.isEmpty()) {
            problems.add(problem(part, "mixes numbered and named parameters; use one kind"));
        }
        if (positional.size() + names.size() > part.maxParameters()) {
            problems.add(problem(part, part.maxParameters() == 0 ? "may not have parameters"
                    : "may have at most " + part.maxParameters() + " parameter"));
        }
        for (int number = 1; number <= positional.size(); number++) {
            if (!positional.contains(Integer.toString(number))) {
                problems.add(problem(part, "numbers its parameters with a gap: {{" + number + "}} is missing"));
                break;
            }
        }
        String trimmed = text.strip();
        if (!part.parametersAtEdges() && (trimmed.startsWith("{{") || trimmed.endsWith("}}"))) {
            problems.add(problem(part, "starts or ends with a parameter, which Meta rejects; add text around it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(problems);
        }
        boolean named = !names.isEmpty();
        return new TemplateBody(text, new ArrayList<>(named ? names : positional), named);
    }

    public String text() {
        return text;
    }

    /** How many values a send must give. */
    public int parameterCount() {
        return parameters.size();
    }

    /** Whether the parameters are named rather than numbered. */
    public boolean isNamed() {
        return named;
    }

    /** The parameters' names ({@code 1}, {@code 2}... for numbered ones), in order. */
    public List<String> parameters() {
        return parameters;
    }

    /**
     * The body with each parameter replaced by its value.
     *
     * @param values each parameter's value, by name ({@code "1"} for {@code {{1}}})
     * @throws IllegalArgumentException if a parameter has no value
     */
    public String render(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder(text.length() + 32);
        while (matcher.find()) {
            String parameter = matcher.group(1).strip();
            String value = values.get(parameter);
            if (value == null) {
                throw new IllegalArgumentException("no value for parameter {{" + parameter + "}}");
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(rendered).toString();
    }

    /** The rules of one part of a template, as Meta states them. */
    private record Part(String field, int maxLength, int maxParameters, boolean parametersAtEdges) {
    }

    private static InvalidTemplateException.Problem problem(Part part, String message) {
        return new InvalidTemplateException.Problem(part.field(), message);
    }
}
