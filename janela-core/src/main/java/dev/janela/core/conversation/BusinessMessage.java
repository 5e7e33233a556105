package dev.janela.core.conversation;

/** A message the business sends to the customer: a template, or a free-form message. */
public sealed interface BusinessMessage extends Event permits TemplateMessage, FreeFormMessage {
    /**
     * Whether the platform reported the message as not delivered. A failed message is never charged and opens
     * nothing.
     */
    boolean failed();
}
