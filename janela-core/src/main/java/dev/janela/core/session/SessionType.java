package dev.janela.core.session;

import dev.janela.core.pricing.Category;

/** Who started a session, which decides its price. */
public enum SessionType {
    /** The customer wrote first. */
    USER_INITIATED(Category.USER_INITIATED),
    /** A template started it. */
    BUSINESS_INITIATED(Category.BUSINESS_INITIATED);

    private final Category category;

    SessionType(Category category) {
        this.category = category;
    }

    /** The rate card category that prices a session of this type. */
    public Category category() {
        return category;
    }
}
