package dev.janela.server.template;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.template.InvalidTemplateException;
import dev.janela.core.template.TemplateBody;
import dev.janela.core.template.TemplateName;
import dev.janela.server.refusal.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A template to add, as a client or the Templates page writes it: its texts are checked against Meta's rules, every
 * problem found at once.
 *
 * @param category {@code marketing}, {@code utility} or {@code authentication}
 * @param header a text above the body, or empty for none
 * @param footer a text below the body, or empty for none
 */
public record NewTemplate(String name, String language, String category, String body, String header,
        String footer) {
    /** Meta's language codes: {@code en}, {@code pt_BR}, {@code zh_CN}... */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    /** The template read against Meta's rules: its parts, or every problem found. */
    public record Checked(String name, Optional<Templates.Content> content, List<FieldError> problems) {
    }

    /** Reads the template against Meta's rules, as a submission would be, without storing anything. */
    public Checked check() {
        List<FieldError> problems = new ArrayList<>();
        String checkedName = parse(problems, () -> TemplateName.require(name));
        if (language == null || language.isBlank()) {
            problems.add(new FieldError("language", "is required: a language code such as en, en_US or pt_BR"));
        } else if (!LANGUAGE.matcher(language).matches()) {
            problems.add(new FieldError("language", "'" + language + "' is not a language code Meta knows; for"
                    + " instance en, en_US, pt_BR"));
        }
        TemplateCategory checkedCategory = category(category, problems);
        TemplateBody checkedBody = parse(problems, () -> TemplateBody.parse(body));
        Optional<TemplateBody> checkedHeader = optional(problems, header, TemplateBody::parseHeader);
        Optional<TemplateBody> checkedFooter = optional(problems, footer, TemplateBody::parseFooter);
        return new Checked(checkedName, problems.isEmpty() ? Optional.of(new Templates.Content(checkedCategory,
                checkedBody, checkedHeader, checkedFooter)) : Optional.empty(), List.copyOf(problems));
    }

    /** The category named {@code name}; null, with the problem noted, if it names none. */
    static TemplateCategory category(String name, List<FieldError> problems) {
        String known = String.join(", ", TemplateCategory.wireNames());
        if (name == null || name.isBlank()) {
            problems.add(new FieldError("category", "is required: one of " + known));
            return null;
        }
        Optional<TemplateCategory> category = TemplateCategory.fromWireName(name);
        if (category.isEmpty()) {
            problems.add(new FieldError("category", "'" + name + "' is not a category; one of " + known));
        }
        return category.orElse(null);
    }

    /** An optional part: empty when {@code text} is; parsed, with its problems noted, when not. */
    static Optional<TemplateBody> optional(List<FieldError> problems, String text,
            Function<String, TemplateBody> parse) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(parse(problems, () -> parse.apply(text)));
    }

    /** What {@code parse} makes, or null with its problems noted. */
    static <T> T parse(List<FieldError> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidTemplateException invalid) {
            invalid.problems().forEach(problem -> problems.add(new FieldError(problem.field(), problem.message())));
            return null;
        }
    }
}
