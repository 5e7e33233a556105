package dev.janela.bench;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * What the load generators share: their options ({@code --name value} pairs over defaults), their way of stopping on
 * bad usage or a set-up Janela refused (exit status 2, one line naming the problem), and latency quantiles.
 */
final class LoadTool {
    private final String name;
    private final Map<String, String> options;

    /** Reads {@code args} over {@code defaults}; an option not among them stops the tool. */
    LoadTool(String name, Map<String, String> defaults, String[] args) {
        this.name = name;
        this.options = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 == args.length) {
                usage("unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
    }

    String option(String option) {
        return options.get(option);
    }

    /** An option that must be a positive whole number. */
    int number(String option) {
        try {
            int value = Integer.parseInt(options.get(option));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        usage(option + " must be a positive whole number, not " + options.get(option));
        return 0;
    }

    /** An option that must be a whole number, zero or more. */
    int count(String option) {
        try {
            int value = Integer.parseInt(options.get(option));
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        usage(option + " must be a whole number, zero or more, not " + options.get(option));
        return 0;
    }

    /** An option that must be a share, from 0 to 1. */
    double share(String option) {
        try {
            double value = Double.parseDouble(options.get(option));
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        usage(option + " must be a share from 0 to 1, not " + options.get(option));
        return 0;
    }

    /** An option that must be yes or no. */
    boolean yesOrNo(String option) {
        return switch (options.get(option)) {
            case "yes" -> true;
            case "no" -> false;
            default -> {
                usage(option + " is yes or no, not " + options.get(option));
                yield false;
            }
        };
    }

    /** Stops unless Janela answered {@code status} to a set-up step. */
    void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            System.err.println(name + ": could not " + what + ": " + response.statusCode() + " " + response.body());
            System.exit(2);
        }
    }

    void usage(String problem) {
        System.err.println(name + ": " + problem);
        System.exit(2);
    }

    /** The {@code quantile} of {@code sorted} nanoseconds, in milliseconds. */
    static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }
}
