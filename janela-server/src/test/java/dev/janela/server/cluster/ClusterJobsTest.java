package dev.janela.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.JanelaServerTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A job of the cluster runs on one node a period, whichever asks first. */
@JanelaServerTest
class ClusterJobsTest {
    private static final Duration HOURLY = Duration.ofHours(1);

    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcClient jdbc;

    private final String job = "jobs-test-" + UUID.randomUUID();

    @AfterEach
    void forgetTheJob() {
        jdbc.sql("delete from cluster_jobs where job = :job").param("job", job).update();
    }

    @Test
    void theFirstNodeToAsk_runsTheJob_andTheOthersSkipIt_untilThePeriodHasPassed() {
        ClusterJobs first = jobsOf("first");
        ClusterJobs second = jobsOf("second");

        boolean firstRuns = first.turn(job, HOURLY);
        boolean secondRunsToo = second.turn(job, HOURLY);
        boolean firstRunsAgain = first.turn(job, HOURLY);
        clock.advance(HOURLY.minusMinutes(7));
        boolean secondRunsBeforeTheEnd = second.turn(job, HOURLY);
        clock.advance(Duration.ofMinutes(1));
        boolean secondRunsAtTheEnd = second.turn(job, HOURLY);
        boolean firstRunsThen = first.turn(job, HOURLY);

        assertThat(firstRuns).isTrue();
        assertThat(secondRunsToo).isFalse();
        assertThat(firstRunsAgain).isFalse();
        assertThat(secondRunsBeforeTheEnd).isFalse();
        assertThat(secondRunsAtTheEnd).as("a tenth of the period early: schedules drift").isTrue();
        assertThat(firstRunsThen).isFalse();
    }

    @Test
    void aJobStartedLater_thanNowByAClockPutBackSince_runsNow_ratherThanWaitForThatTime() {
        ClusterJobs ahead = jobsOf("ahead");
        ClusterJobs behind = jobsOf("behind");
        clock.advance(Duration.ofDays(1));
        ahead.turn(job, HOURLY);
        clock.advance(Duration.ofDays(-1));

        assertThat(behind.turn(job, HOURLY)).isTrue();
        assertThat(ahead.turn(job, HOURLY)).as("and then once a period again").isFalse();
    }

    private ClusterJobs jobsOf(String node) {
        return new ClusterJobs(jdbc, new Node(jdbc, job + "-" + node), clock);
    }
}
