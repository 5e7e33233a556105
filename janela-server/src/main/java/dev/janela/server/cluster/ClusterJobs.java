package dev.janela.server.cluster;

import dev.janela.server.jdbc.Instants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work the cluster does once a period, whichever node's turn comes first: each node keeps its own schedule and asks
 * before each run. The first to ask in a period moves the job's start on, in one statement, and runs it; the others
 * find it started and skip it. A node that dies mid-run leaves the job to the next period.
 */
@Component
public class ClusterJobs {
    /**
     * A period is taken to have passed a little early: nodes' schedules drift, and a run skipped for starting a moment
     * before the period's end would leave the job undone for almost two periods.
     */
    private static final int EARLY_PERCENT = 10;

    private final JdbcClient jdbc;
    private final Node node;
    private final Clock clock;

    ClusterJobs(JdbcClient jdbc, Node node, Clock clock) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Whether this node is to run {@code job} now: true for one node a period.
     *
     * @param every how often the job is to run
     */
    public boolean turn(String job, Duration every) {
        Instant now = clock.instant();
        jdbc.sql("insert into cluster_jobs (job, started_at, node) values (:job, :never, :node)"
                + " on conflict (job) do nothing")
                .param("job", job).param("never", Instants.param(Instant.EPOCH)).param("node", node.name()).update();
        Instant periodStart = now.minus(every.minus(every.multipliedBy(EARLY_PERCENT).dividedBy(100)));
        // A start after now means a clock was put back since: waiting for it would leave the job undone meanwhile.
        return jdbc.sql("update cluster_jobs set started_at = :now, node = :node where job = :job"
                + " and (started_at <= :periodStart or started_at > :now)")
                .param("now", Instants.param(now)).param("node", node.name()).param("job", job)
                .param("periodStart", Instants.param(periodStart)).update() == 1;
    }

    /**
     * Whether this node holds {@code job} now, as work only one node may do at a time: the holder renews its hold by
     * asking; another node takes it once the holder has not asked for {@code term}, having died or stopped.
     */
    public boolean hold(String job, Duration term) {
        Instant now = clock.instant();
        jdbc.sql("insert into cluster_jobs (job, started_at, node) values (:job, :never, :node)"
                + " on conflict (job) do nothing")
                .param("job", job).param("never", Instants.param(Instant.EPOCH)).param("node", node.name()).update();
        return jdbc.sql("update cluster_jobs set started_at = :now, node = :node where job = :job"
                + " and (node = :node or started_at <= :lapsed or started_at > :now)")
                .param("now", Instants.param(now)).param("node", node.name()).param("job", job)
                .param("lapsed", Instants.param(now.minus(term))).update() == 1;
    }

    /** Lets {@code job} go, if this node holds it: it is stopping, and another need not wait for the term to pass. */
    public void letGo(String job) {
        jdbc.sql("update cluster_jobs set started_at = :never where job = :job and node = :node")
                .param("never", Instants.param(Instant.EPOCH)).param("job", job).param("node", node.name()).update();
    }
}
