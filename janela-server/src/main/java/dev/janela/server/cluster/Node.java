package dev.janela.server.cluster;

import dev.janela.server.jdbc.Instants;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This process, as the other nodes on its database know it: named by its host, its HTTP port and a random part, new
 * at each start, so that a node started again is never taken for the one that stopped, whose leases must first run
 * out. A node is alive while it has said so within {@link #ALIVE_FOR}.
 */
public class Node {
    /** How long a node counts as alive after it last said so: nodes say so more often than that. */
    public static final Duration ALIVE_FOR = Duration.ofSeconds(6);
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final String name;
    private final JdbcClient jdbc;

    /** This process, serving HTTP on {@code port}. */
    public static Node onThisHost(JdbcClient jdbc, int port) {
        return new Node(jdbc, host() + ":" + port + "-" + randomPart());
    }

    /** A node of the name given: how a test plays several nodes in one process. */
    public Node(JdbcClient jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Says this node is alive at {@code now}; the first time, also forgets the nodes gone for a day.
     *
     * @return how many nodes are alive, this one included
     */
    public int alive(Instant now) {
        if (jdbc.sql("update cluster_nodes set seen_at = :now where node = :node")
                .param("now", Instants.param(now)).param("node", name).update() == 0) {
            jdbc.sql("insert into cluster_nodes (node, seen_at) values (:node, :now)")
                    .param("node", name).param("now", Instants.param(now)).update();
            jdbc.sql("delete from cluster_nodes where seen_at < :before")
                    .param("before", Instants.param(now.minus(FORGOTTEN_AFTER))).update();
        }
        return jdbc.sql("select count(*) from cluster_nodes where seen_at > :since")
                .param("since", Instants.param(now.minus(ALIVE_FOR))).query(Integer.class).single();
    }

    /** Takes this node off the list of those alive: it is stopping. */
    public void leave() {
        jdbc.sql("delete from cluster_nodes where node = :node").param("node", name).update();
    }

    private static String randomPart() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return "node";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
