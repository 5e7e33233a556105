package dev.janela.server.sandbox;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.ratecard.RateCard;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.core.template.TemplateBody;
import dev.janela.server.account.Accounts;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.config.FirstStart;
import dev.janela.server.connector.Connector;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.Outbound;
import dev.janela.server.conversation.Sent;
import dev.janela.server.ratecard.RateCards;
import dev.janela.server.template.Template;
import dev.janela.server.template.TemplateStatus;
import dev.janela.server.template.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code janela serve --demo}: gives the default account, once, a demo channel with approved templates in English
 * and Portuguese, the example rate card, and five customers whose conversations are in every state (a window open, one
 * about to close, one closed, a template awaiting reply, a template answered), all made through the same paths as
 * real traffic.
 */
@Component
class DemoData {
    static final String CHANNEL = "100000000000001";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String AUTHOR = "demo";

    private final FirstStart settings;
    private final Accounts accounts;
    private final Channels channels;
    private final RateCards rateCards;
    private final Templates templates;
    private final ConversationService conversations;
    private final InboundMessages inbound;
    private final Connector connector;
    private final Clock clock;

    DemoData(FirstStart settings, Accounts accounts, Channels channels, RateCards rateCards,
            Templates templates, ConversationService conversations, InboundMessages inbound, Connector connector,
            Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.channels = channels;
        this.rateCards = rateCards;
        this.templates = templates;
        this.conversations = conversations;
        this.inbound = inbound;
        this.connector = connector;
        this.clock = clock;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void seed(ApplicationReadyEvent ready) {
        if (!settings.demo()) {
            return;
        }
        if (channels.findByPhoneNumberId(CHANNEL).isPresent()) {
            LOG.info("The demo channel {} is there already", CHANNEL);
            return;
        }
        long account = accounts.findDefault().orElseThrow();
        Channel channel = channels.add(account, CHANNEL, "+5511999990000", "BR", AUTHOR);
        if (rateCards.versions(account).isEmpty()) {
            String csv = exampleRates();
            RateCard card = RateCardParser.parse("example rates", csv, "v1", RateCards.BEGINNING);
            rateCards.add(account, card, csv, AUTHOR);
        }
        Template update = approved(account, "order_update", "en", TemplateCategory.UTILITY,
                "Hello {{1}}, your order {{2}} has shipped.");
        approved(account, "pedido_enviado", "pt_BR", TemplateCategory.UTILITY,
                "Olá {{1}}, seu pedido {{2}} foi enviado.");
        Template offers = approved(account, "weekly_offers", "en", TemplateCategory.MARKETING,
                "Hi {{1}}! This week's offers are in.");
        approved(account, "ofertas_semana", "pt_BR", TemplateCategory.MARKETING,
                "Oi {{1}}! As ofertas da semana chegaram.");
        Instant now = clock.instant();
        inbound.receive(CHANNEL, InboundMessages.Sender.phone("5521988880001", "Ana Souza"), "Hi! Where is my order?",
                now.minus(Duration.ofHours(2)));
        send(channel, "5521988880001", Optional.empty(), "It ships today, Ana.");
        inbound.receive(CHANNEL, InboundMessages.Sender.phone("5521988880002", "Bruno Lima"),
                "Do you deliver on Sundays?",
                now.minus(Duration.ofHours(30)));
        inbound.receive(CHANNEL, InboundMessages.Sender.phone("5521988880005", "Elisa Rocha"), "Obrigada!",
                now.minus(Duration.ofHours(23)).minus(Duration.ofMinutes(40)));
        send(channel, "5521988880003", Optional.of(offers), "Hi Carla! This week's offers are in.");
        send(channel, "5521988880004", Optional.of(update), "Hello Diego, your order #1042 has shipped.");
        inbound.receive(CHANNEL, InboundMessages.Sender.phone("5521988880004", "Diego Alves"), "Great, thanks!",
                now.plusSeconds(1));
        LOG.info("Demo: channel {} has 5 customers; write as one with POST /api/sandbox/{}/inbound", CHANNEL,
                CHANNEL);
    }

    private Template approved(long account, String name, String language, TemplateCategory category, String body) {
        Optional<Template> existing = templates.find(account, name, language);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = templates.add(account, name, language, new Templates.Content(category, TemplateBody.parse(body)),
                AUTHOR);
        templates.review(id, TemplateStatus.APPROVED, List.of(), AUTHOR);
        return templates.find(account, id).orElseThrow();
    }

    private void send(Channel channel, String waId, Optional<Template> template, String body) {
        Sent sent = conversations.send(channel, new Outbound(waId, template.isPresent() ? "template" : "text",
                template.map(found -> new Outbound.TemplateRef(found.id(), found.category())), Optional.of(body)),
                AUTHOR);
        connector.deliver(channel, sent.wamid(), waId);
    }

    private static String exampleRates() {
        try (InputStream in = Objects.requireNonNull(DemoData.class.getResourceAsStream("demo-rates.csv"),
                "demo-rates.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
