package dev.janela.server.template;

/** Where a template is in Meta's review. Only approved templates can be sent. */
public enum TemplateStatus {
    PENDING,
    APPROVED,
    REJECTED,
    PAUSED,
    DISABLED
}
