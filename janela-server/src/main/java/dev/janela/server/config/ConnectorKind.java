package dev.janela.server.config;

/** How accepted messages reach WhatsApp ({@code JANELA_CONNECTOR}). */
public enum ConnectorKind {
    /** To nobody: the sandbox reports them sent, delivered and read, and Meta sees and prices none of them. */
    SANDBOX,
    /** Through Meta's Cloud API. */
    META
}
