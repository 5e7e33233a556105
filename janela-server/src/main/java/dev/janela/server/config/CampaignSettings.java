package dev.janela.server.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Janela sends campaigns, from {@code janela.campaigns.*} properties or the matching environment variables.
 *
 * @param runInBackground whether a thread of Janela's own starts and sends campaigns (default true); without it
 *     nothing is sent but by calling {@code CampaignRunner.pass()}, as tests do
 */
@ConfigurationProperties("janela.campaigns")
public record CampaignSettings(@DefaultValue("true") boolean runInBackground) {
}
