package dev.janela.server.conversation;

/**
 * How Meta's status webhooks say Meta priced a message ({@code pricing}).
 *
 * @param pricingModel {@code PMP}, {@code CBP}...
 * @param billable whether Meta bills it, when Meta said (the field is deprecated)
 * @param type {@code regular}, {@code free_customer_service}, {@code free_entry_point}; null before PMP
 * @param category Meta's category, lower case
 */
public record MetaPricing(String pricingModel, Boolean billable, String type, String category) {
}
