package dev.janela.server.template;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.template.TemplateBody;
import dev.janela.server.account.Accounts;
import dev.janela.server.cluster.ClusterJobs;
import dev.janela.server.config.JanelaProperties;
import dev.janela.server.config.WithMetaConnector;
import dev.janela.server.connector.GraphApi;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's templates at Meta ({@code JANELA_CONNECTOR=meta}): submitted to its WhatsApp Business Account for
 * review, and their statuses and categories fetched from Meta's list every {@code janela.meta.sending.template-sync}
 * (webhooks say the same sooner; the list catches what a lost webhook did not). Templates made in Meta's own tools
 * are added as Meta lists them.
 */
@Component
@WithMetaConnector
public class MetaTemplates implements InitializingBean, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(MetaTemplates.class);
    private static final int PAGE = 100;

    private final GraphApi graph;
    private final Accounts accounts;
    private final Templates templates;
    private final MetaTemplateUpdates updates;
    private final JsonMapper json;
    private final JanelaProperties.Sending settings;
    private final ClusterJobs jobs;
    private ScheduledExecutorService schedule;

    MetaTemplates(GraphApi graph, Accounts accounts, Templates templates, MetaTemplateUpdates updates,
            JsonMapper json, JanelaProperties.Sending settings, ClusterJobs jobs) {
        this.graph = graph;
        this.jobs = jobs;
        this.accounts = accounts;
        this.templates = templates;
        this.updates = updates;
        this.json = json;
        this.settings = settings;
    }

    /** What a sync found: templates changed, and templates added from Meta's list. */
    public record Sync(int changed, int added) {
    }

    /**
     * Submits a template to the account's WhatsApp Business Account; Meta answers with its id, a status (usually
     * {@code PENDING}) and the category it will be priced as, which may differ from the one asked for.
     *
     * @param examples example values for the template's parameters, by name or number, which Meta's reviewers read
     */
    public Template submit(Template template, Map<String, String> examples) {
        String waba = waba(template.accountId());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", template.name());
        request.put("language", template.language());
        request.put("category", template.category().name());
        if (template.body().isNamed()) {
            request.put("parameter_format", "NAMED");
        }
        request.put("components", components(template, examples));
        GraphApi.Answer answer = call(() -> graph.post(waba + "/message_templates", json.valueToTree(request)));
        String metaId = answer.body().path("id").asString("");
        templates.submitted(template.id(), metaId);
        updates.apply(template, TemplateStatus.fromMeta(answer.body().path("status").asString("")),
                MetaTemplateUpdates.category(answer.body().path("category").asString("")), List.of());
        return templates.find(template.accountId(), template.id()).orElseThrow();
    }

    /** Brings the account's templates to what Meta's list says of them, page by page. */
    public Sync sync(long accountId) {
        String waba = waba(accountId);
        int changed = 0;
        int added = 0;
        String after = null;
        do {
            String path = waba + "/message_templates?fields=id,name,language,status,category,components&limit=" + PAGE
                    + (after == null ? "" : "&after=" + GraphApi.encode(after));
            GraphApi.Answer page = call(() -> graph.get(path));
            for (JsonNode listed : page.body().path("data")) {
                Optional<Template> known = templates.findByMetaId(accountId, listed.path("id").asString(""))
                        .or(() -> templates.find(accountId, listed.path("name").asString(""),
                                listed.path("language").asString("")));
                if (known.isPresent()) {
                    if (known.get().metaTemplateId().isEmpty()) {
                        templates.submitted(known.get().id(), listed.path("id").asString(""));
                    }
                    changed += updates.apply(known.get(), TemplateStatus.fromMeta(listed.path("status").asString("")),
                            MetaTemplateUpdates.category(listed.path("category").asString("")), List.of()) ? 1 : 0;
                } else if (add(accountId, listed)) {
                    added++;
                }
            }
            after = page.body().path("paging").path("cursors").path("after").asString(null);
        } while (after != null && !after.isEmpty());
        return new Sync(changed, added);
    }

    /** Adds a template Meta lists and Janela lacks (made in Meta's own tools), if Janela can read its texts. */
    private boolean add(long accountId, JsonNode listed) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (JsonNode component : listed.path("components")) {
            texts.put(component.path("type").asString("").toUpperCase(Locale.ROOT),
                    component.path("text").asString(""));
        }
        Optional<TemplateStatus> status = TemplateStatus.fromMeta(listed.path("status").asString(""));
        Optional<TemplateCategory> category = MetaTemplateUpdates.category(listed.path("category").asString(""));
        if (texts.getOrDefault("BODY", "").isEmpty() || status.isEmpty() || category.isEmpty()) {
            return false;
        }
        try {
            Templates.Content content = new Templates.Content(category.get(), TemplateBody.parse(texts.get("BODY")),
                    Optional.ofNullable(texts.get("HEADER")).filter(text -> !text.isEmpty())
                            .map(TemplateBody::parseHeader),
                    Optional.ofNullable(texts.get("FOOTER")).filter(text -> !text.isEmpty())
                            .map(TemplateBody::parseFooter));
            long id = templates.add(accountId, listed.path("name").asString(""),
                    listed.path("language").asString(""), content, MetaTemplateUpdates.META);
            templates.submitted(id, listed.path("id").asString(""));
            if (status.get() != TemplateStatus.PENDING) {
                templates.review(id, status.get(), List.of(), MetaTemplateUpdates.META);
            }
            return true;
        } catch (RuntimeException unreadable) {
            LOG.info("Template {} in {} at Meta was not added: {}", listed.path("name").asString(""),
                    listed.path("language").asString(""), unreadable.getMessage());
            return false;
        }
    }

    /** Syncs every account that has a WhatsApp Business Account; one account's failure does not stop the rest. */
    public void syncAll() {
        accounts.wabaIds().forEach((account, waba) -> {
            try {
                Sync sync = sync(account);
                if (sync.changed() + sync.added() > 0) {
                    LOG.info("Templates of WABA {}: {} changed, {} added from Meta", waba, sync.changed(),
                            sync.added());
                }
            } catch (RuntimeException failure) {
                LOG.warn("Templates of WABA {} were not synced: {}", waba, failure.getMessage());
            }
        });
    }

    private String waba(long accountId) {
        return accounts.wabaId(accountId).orElseThrow(() -> Refusal.conflict("the account"
                + " has no WhatsApp Business Account yet; set it with PUT /api/whatsapp-business-account"));
    }

    /** The template's components as Meta's create call takes them, with examples for every parameter. */
    private static List<Map<String, Object>> components(Template template, Map<String, String> examples) {
        List<Map<String, Object>> components = new ArrayList<>();
        template.header().ifPresent(header -> components.add(part("HEADER", header, examples, "header_text")));
        components.add(part("BODY", template.body(), examples, "body_text"));
        template.footer().ifPresent(footer -> components.add(Map.of("type", "FOOTER", "text", footer.text())));
        return components;
    }

    private static Map<String, Object> part(String type, TemplateBody text, Map<String, String> examples,
            String exampleField) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("type", type);
        if (type.equals("HEADER")) {
            part.put("format", "TEXT");
        }
        part.put("text", text.text());
        if (text.parameterCount() > 0) {
            List<String> values = text.parameters().stream()
                    .map(name -> examples.getOrDefault(name, "example " + name)).toList();
            if (text.isNamed()) {
                part.put("example", Map.of(exampleField + "_named_params", text.parameters().stream()
                        .map(name -> Map.of("param_name", name, "example", examples.getOrDefault(name,
                                "example " + name))).toList()));
            } else {
                part.put("example", Map.of(exampleField, type.equals("HEADER") ? values : List.of(values)));
            }
        }
        return part;
    }

    /** A call to Meta whose failure is the caller's answer: Meta's error, or that Meta could not be reached. */
    private GraphApi.Answer call(GraphCall call) {
        try {
            GraphApi.Answer answer = call.run();
            if (!answer.isSuccess()) {
                throw new Refusal(Reason.UPSTREAM, "Meta refused: " + answer.error().describe());
            }
            return answer;
        } catch (IOException unreachable) {
            throw new Refusal(Reason.UPSTREAM, "Meta's Graph API could not be reached: "
                    + unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Refusal(Reason.UPSTREAM, "the call to Meta was interrupted");
        }
    }

    private interface GraphCall {
        GraphApi.Answer run() throws IOException, InterruptedException;
    }

    @Override
    public void afterPropertiesSet() {
        if (!settings.dispatcher()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "janela-meta-templates");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.templateSync().toSeconds();
        schedule.scheduleWithFixedDelay(() -> {
            if (jobs.turn("template-sync", settings.templateSync())) {
                syncAll();
            }
        }, every, every, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
