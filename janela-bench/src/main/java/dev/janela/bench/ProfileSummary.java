package dev.janela.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums up the execution samples of JFR recordings: the hottest frames (where the samples were taken) and Janela's
 * methods by inclusive share (the samples with the method anywhere on the stack). Several recordings are added up.
 *
 * <pre>
 * java -cp janela-bench/target/benchmarks.jar dev.janela.bench.ProfileSummary /tmp/replay.jfr [more.jfr...]
 * </pre>
 *
 * <p>Execution samples show Java code only: the JIT compiler's and the garbage collector's threads are not in them.
 */
public final class ProfileSummary {
    private static final int TOP_FRAMES = 20;
    private static final double MIN_INCLUSIVE_PERCENT = 2.0;
    private static final String JANELA = "dev.janela.";

    private final Map<String, Integer> selfSamples = new HashMap<>();
    private final Map<String, Integer> inclusiveSamples = new HashMap<>();
    private final Map<String, Integer> threadSamples = new HashMap<>();
    private int samples;

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ProfileSummary RECORDING.jfr...");
            System.exit(2);
        }
        ProfileSummary summary = new ProfileSummary();
        for (String file : args) {
            for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(file))) {
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    summary.add(event);
                }
            }
        }
        summary.print();
    }

    private void add(RecordedEvent sample) {
        List<RecordedFrame> frames = sample.getStackTrace().getFrames();
        if (frames.isEmpty()) {
            return;
        }
        samples++;
        threadSamples.merge(sample.getThread("sampledThread").getJavaName(), 1, Integer::sum);
        selfSamples.merge(methodName(frames.get(0)), 1, Integer::sum);
        Set<String> onStack = new HashSet<>();
        for (RecordedFrame frame : frames) {
            onStack.add(methodName(frame));
        }
        onStack.forEach(method -> inclusiveSamples.merge(method, 1, Integer::sum));
    }

    private void print() {
        System.out.printf(Locale.ROOT, "%d execution samples%n%nthreads:%n", samples);
        printTop(threadSamples, Integer.MAX_VALUE, 0);
        System.out.printf(Locale.ROOT, "%ntop %d frames (self):%n", TOP_FRAMES);
        printTop(selfSamples, TOP_FRAMES, 0);
        System.out.printf(Locale.ROOT, "%nJanela's methods, inclusive (at least %.0f%%):%n", MIN_INCLUSIVE_PERCENT);
        Map<String, Integer> janela = new HashMap<>();
        inclusiveSamples.forEach((method, count) -> {
            if (method.startsWith(JANELA)) {
                janela.put(method, count);
            }
        });
        printTop(janela, Integer.MAX_VALUE, MIN_INCLUSIVE_PERCENT);
    }

    private void printTop(Map<String, Integer> counts, int limit, double minPercent) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Integer> entry : entries.subList(0, Math.min(limit, entries.size()))) {
            double percent = 100.0 * entry.getValue() / samples;
            if (percent >= minPercent) {
                System.out.printf(Locale.ROOT, "%6.1f%%  %6d  %s%n", percent, entry.getValue(), entry.getKey());
            }
        }
    }

    /** {@code package.Class.method}; lambdas and hidden classes lose their generated suffix, which differs by run. */
    private static String methodName(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName().replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda");
        return type + "." + frame.getMethod().getName();
    }
}
