package dev.janela.server.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.campaign.CampaignMessages;
import dev.janela.server.campaign.CampaignRecipient;
import dev.janela.server.campaign.CampaignState;
import dev.janela.server.campaign.CampaignStore;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.template.Template;
import dev.janela.server.template.Templates;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's recipient becomes a Cloud API send that the send path reads as written and accepts: numbered and named
 * parameters, a header's, a number and a BSUID; so that the runner sends through the same checks as any client.
 */
@JanelaServerTest
class CampaignSendBodyTest {
    @Autowired
    private TestServer server;
    @Autowired
    private CampaignStore campaigns;
    @Autowired
    private CampaignMessages messages;
    @Autowired
    private Templates templates;
    @Autowired
    private Channels channels;
    @Autowired
    private Sends sends;
    @Autowired
    private JsonMapper json;

    @Test
    void aNamedTemplateWithAHeader_toANumberAndABsuid_isReadAndSent() {
        Api api = server.anAccount().build();
        Response template = api.post("/api/templates", Map.of("name", "welcome", "language", "pt_BR",
                "category", "utility", "header", "Loja {{city}}", "body", "Oi {{first_name}}, pedido {{order}}."));
        Api.expect(api.post("/api/templates/" + template.json().path("id").asLong() + "/approve", "{}"), 200);
        long id = created(api, "welcome", "pt_BR", List.of(
                Map.of("recipient", "+55 21 98765-0701", "header", "Rio", "first_name", "Ana", "order", "#1"),
                Map.of("recipient", "BR.1502512345678901", "header", "Recife", "first_name", "Bia",
                        "order", "#2")));

        List<SendRequest> read = sendAll(api, id);

        assertThat(read).extracting(SendRequest::customer).containsExactly("5521987650701", "BR.1502512345678901");
        SendRequest.TemplatePart first = read.get(0).template().orElseThrow();
        assertThat(first.name()).isEqualTo("welcome");
        assertThat(first.language()).isEqualTo("pt_BR");
        assertThat(first.header()).containsExactly(new SendRequest.Parameter(Optional.of("city"), "Rio"));
        assertThat(first.parameters()).containsExactly(new SendRequest.Parameter(Optional.of("first_name"), "Ana"),
                new SendRequest.Parameter(Optional.of("order"), "#1"));
    }

    @Test
    void aNumberedTemplate_isSentWithItsValuesInOrder() {
        Api api = server.anAccount().withApprovedTemplate("promo", "en", "marketing", "Hi {{1}}, code {{2}}.")
                .build();
        long id = created(api, "promo", "en", List.of(Map.of("recipient", "5521987650702", "2", "X9", "1", "Caio")));

        List<SendRequest> read = sendAll(api, id);

        assertThat(read.get(0).template().orElseThrow().parameters()).containsExactly(
                new SendRequest.Parameter(Optional.empty(), "Caio"), new SendRequest.Parameter(Optional.empty(), "X9"));
        assertThat(read.get(0).input()).isEqualTo("+5521987650702");
    }

    /** Starts the campaign, and sends each of its pending recipients through the send path, as the runner will. */
    private List<SendRequest> sendAll(Api api, long id) {
        Api.expect(api.post("/api/campaigns/" + id + "/start", "{}"), 200);
        assertThat(campaigns.inState(CampaignState.RUNNING)).anySatisfy(running ->
                assertThat(running.id()).isEqualTo(id));
        var campaign = campaigns.find(id).orElseThrow();
        Template template = templates.find(campaign.accountId(), campaign.templateId()).orElseThrow();
        Channel channel = channels.findById(campaign.channelId()).orElseThrow();
        Caller caller = new Caller(campaign.accountId(), Optional.empty(), Optional.empty(), Role.ADMIN,
                campaign.createdBy());
        List<CampaignRecipient> pending = campaigns.pending(id, 0, 100);
        assertThat(pending).isNotEmpty();
        return pending.stream().map(recipient -> {
            byte[] body = messages.sendBody(template, recipient);
            SendRequest request = SendRequest.read(json.readTree(body));
            Sends.Delivered delivered = sends.decide(caller, channel, body);
            assertThat(delivered.sent().wamid()).startsWith("wamid.");
            assertThat(delivered.customer()).isEqualTo(request.customer());
            return request;
        }).toList();
    }

    private static long created(Api api, String template, String language, List<Map<String, String>> recipients) {
        Response created = api.post("/api/campaigns", Map.of("name", "Test", "channel", api.channel(),
                "template", Map.of("name", template, "language", language), "recipients", recipients));
        Api.expect(created, 201);
        return created.json().path("id").asLong();
    }
}
