package dev.janela.core.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Meta's template categories. The category in force when a template is sent is the one that prices it. */
public enum TemplateCategory {
    MARKETING,
    UTILITY,
    AUTHENTICATION;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and APIs. */
    public String wireName() {
        return wireName;
    }

    /** Every category's wire name, in order: {@code marketing, utility, authentication}. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(TemplateCategory::wireName).toList();
    }

    /** The category named {@code name}, in any letter case ({@code utility}, {@code UTILITY}). */
    public static Optional<TemplateCategory> fromWireName(String name) {
        for (TemplateCategory category : values()) {
            if (category.name().equalsIgnoreCase(name)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
