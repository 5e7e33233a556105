package dev.janela.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A channel found by its phone_number_id is kept for a second, and this node's changes to it are seen at once. */
@JanelaServerTest
class ChannelsTest {
    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private Channels channels;
    @Autowired
    private JdbcClient jdbc;

    private String phoneNumberId;
    private Channel channel;

    @BeforeEach
    void aChannelFoundOnce() {
        Api api = server.anAccount().build();
        phoneNumberId = api.channel();
        channel = channels.findByPhoneNumberId(phoneNumberId).orElseThrow();
    }

    @Test
    void anotherNodesChangeIsSeenOnceTheKeptChannelIsASecondOld() {
        setThroughputAsAnotherNode(500);

        assertThat(channels.findByPhoneNumberId(phoneNumberId).orElseThrow().throughput())
                .isEqualTo(channel.throughput());
        clock.advance(Duration.ofMillis(999));
        assertThat(channels.findByPhoneNumberId(phoneNumberId).orElseThrow().throughput())
                .isEqualTo(channel.throughput());
        clock.advance(Duration.ofMillis(1));
        assertThat(channels.findByPhoneNumberId(phoneNumberId).orElseThrow().throughput()).isEqualTo(500);
    }

    @Test
    void thisNodesChangeIsSeenAtOnce() {
        channels.setThroughput(channel.id(), 250);

        assertThat(channels.findByPhoneNumberId(phoneNumberId).orElseThrow().throughput()).isEqualTo(250);
        assertThat(channels.find(channel.accountId(), phoneNumberId).orElseThrow().throughput()).isEqualTo(250);
    }

    @Test
    void aClockSetBackReadsAgain() {
        setThroughputAsAnotherNode(300);
        clock.advance(Duration.ofMillis(-1));

        assertThat(channels.findByPhoneNumberId(phoneNumberId).orElseThrow().throughput()).isEqualTo(300);
    }

    @Test
    void anotherAccountsChannelIsNotFoundThroughTheKeptOne() {
        assertThat(channels.find(channel.accountId() + 1_000_000, phoneNumberId)).isEmpty();
        assertThat(channels.find(channel.accountId(), phoneNumberId)).contains(channel);
    }

    @Test
    void aNumberWithNoChannelIsLookedUpEveryTime() {
        String unknown = phoneNumberId + "9";
        assertThat(channels.findByPhoneNumberId(unknown)).isEmpty();

        long id = jdbc.sql("insert into channels (account_id, phone_number_id, number, country, created_at,"
                + " created_by) values (:account, :id, '+5511999990000', 'BR', :now, 'test') returning id")
                .param("account", channel.accountId()).param("id", unknown)
                .param("now", Instants.param(clock.instant())).query(Long.class).single();

        assertThat(channels.findByPhoneNumberId(unknown).map(Channel::id)).contains(id);
    }

    private void setThroughputAsAnotherNode(int throughput) {
        jdbc.sql("update channels set throughput = :throughput where id = :id").param("throughput", throughput)
                .param("id", channel.id()).update();
    }
}
