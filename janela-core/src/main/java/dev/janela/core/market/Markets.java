package dev.janela.core.market;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.internal.Csv;
import dev.janela.core.internal.Days;
import dev.janela.core.internal.Plural;
import dev.janela.core.phone.PhoneCountries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A markets file: which countries are grouped into which named region, and from when. The market of a country at an
 * instant is the region the file maps it to then, else the country code itself. A row with a {@code from} (a day,
 * which begins at midnight UTC as a rate card's version does, or an instant) applies from then on, until a later row
 * of the same country; a row without one applies from the start. A row whose market is the country's own code says
 * the country is priced on its own from then. Immutable and thread-safe.
 *
 * <pre>
 * market,country,from
 * North America,US,
 * Rest of Asia Pacific,SG,
 * SG,SG,2026-07-01
 * </pre>
 */
public final class Markets {
    private static final String META_REGIONS_RESOURCE = "meta-markets.csv";
    private static final List<String> COLUMNS = List.of("market", "country", "from");
    private static final Markets NONE = new Markets("no markets file", Map.of());

    private final String source;
    /** Each mapped country's markets over time. */
    private final Map<String, MarketTimeline> timelineOfCountry;

    private Markets(String source, Map<String, MarketTimeline> timelineOfCountry) {
        this.source = source;
        this.timelineOfCountry = Map.copyOf(timelineOfCountry);
    }

    /** No regions: every country is its own market. */
    public static Markets none() {
        return NONE;
    }

    /**
     * Meta's pricing regions, as Meta groups countries in its rate cards (see the file for the date it reflects).
     * Countries Meta prices on their own (Brazil, India...) are not listed, so they stay their own market.
     */
    public static Markets metaRegions() {
        return MetaRegions.MARKETS;
    }

    /** Meta's regions, read from the build once, when first asked for. */
    private static final class MetaRegions {
        static final Markets MARKETS = read();

        private static Markets read() {
            try (InputStream in = Markets.class.getResourceAsStream(META_REGIONS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + META_REGIONS_RESOURCE
                            + " is missing from the build");
                }
                return parse("Meta's regions", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads a markets file.
     *
     * @param source the file's name as the user gave it, for messages
     * @throws FileFormatException with {@link ErrorCode#INVALID_MARKETS_FILE} naming line and field of a problem
     */
    public static Markets parse(String source, String text) {
        Objects.requireNonNull(source, "source");
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text);
        } catch (Csv.SyntaxException e) {
            throw error(source, e.line(), null, e.getMessage());
        }
        if (rows.isEmpty()) {
            throw error(source, 0, null, "is empty; expected a header line \"market,country\" or"
                    + " \"market,country,from\"");
        }
        int[] columnOf = header(source, rows.get(0));
        Map<String, Map<Instant, String>> versions = new HashMap<>();
        Map<String, Integer> lineOfVersion = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != columnOf.length) {
                throw error(source, row.line(), null, "has " + Plural.of(row.fields().size(), "field") + "; expected "
                        + columnOf.length + " (" + String.join(",", COLUMNS.subList(0, columnOf.length)) + ")");
            }
            String country = country(source, row, row.fields().get(columnOf[1]));
            String market = market(source, row, row.fields().get(columnOf[0]), country);
            Instant from = columnOf.length == 3 ? from(source, row, row.fields().get(columnOf[2])) : Instant.MIN;
            String key = country + " " + from;
            Integer earlier = lineOfVersion.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw error(source, row.line(), "country", country + " is mapped twice "
                        + (from.equals(Instant.MIN) ? "" : "from " + from + " ") + "(lines " + earlier + " and "
                        + row.line() + "); a country belongs to one market at a time");
            }
            versions.computeIfAbsent(country, none -> new TreeMap<>()).put(from, market);
        }
        if (versions.isEmpty()) {
            throw error(source, rows.get(0).line(), null, "has a header but no countries");
        }
        Map<String, MarketTimeline> timelineOfCountry = new HashMap<>();
        versions.forEach((country, byStart) -> timelineOfCountry.put(country, new MarketTimeline(country, byStart)));
        return new Markets(source, timelineOfCountry);
    }

    /**
     * The market of {@code country} (ISO 3166-1 alpha-2) at {@code at}: its region then, else the country code
     * itself.
     */
    public String marketOf(String country, Instant at) {
        return timelineOf(country).marketAt(at);
    }

    /** The markets of {@code country} over time, for a caller that asks often for the same country. */
    public MarketTimeline timelineOf(String country) {
        MarketTimeline timeline = timelineOfCountry.get(country);
        return timeline != null ? timeline : MarketTimeline.always(country);
    }

    /** Where these markets came from, for messages. */
    public String source() {
        return source;
    }

    /** The countries the file maps, each to its market at {@code at}. */
    public Map<String, String> regionOfCountry(Instant at) {
        Map<String, String> regions = new HashMap<>();
        timelineOfCountry.keySet().forEach(country -> regions.put(country, marketOf(country, at)));
        return regions;
    }

    /** The column of market, country and (if the file has it) from, by the header's names. */
    private static int[] header(String source, Csv.Row header) {
        List<String> names = header.fields().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        boolean plain = names.size() == 2 && names.containsAll(COLUMNS.subList(0, 2));
        if (!plain && !(names.size() == 3 && names.containsAll(COLUMNS))) {
            throw error(source, header.line(), null, "the header is \"" + String.join(",", header.fields())
                    + "\"; expected \"market,country\" or \"market,country,from\"");
        }
        return plain ? new int[] {names.indexOf("market"), names.indexOf("country")}
                : new int[] {names.indexOf("market"), names.indexOf("country"), names.indexOf("from")};
    }

    private static String market(String source, Csv.Row row, String market, String country) {
        if (market.isEmpty()) {
            throw error(source, row.line(), "market", "is empty; expected a region name such as North America");
        }
        if (market.equalsIgnoreCase(country)) {
            return country;
        }
        if (market.equals("*") || (market.length() == 2 && market.chars().allMatch(Character::isLetter))) {
            throw error(source, row.line(), "market", "\"" + market + "\" would be confused with a country code or"
                    + " with *; region names are longer, and a country priced on its own is named by its own code");
        }
        return market;
    }

    private static Instant from(String source, Csv.Row row, String text) {
        if (text.isEmpty()) {
            return Instant.MIN;
        }
        return Days.dayOrInstant(text, ZoneOffset.UTC).orElseThrow(() -> error(source, row.line(), "from", "\""
                + text + "\" is not a day (2026-07-01, from midnight UTC) or an instant (2026-07-01T03:00:00Z)"));
    }

    private static String country(String source, Csv.Row row, String code) {
        String country = code.toUpperCase(Locale.ROOT);
        if (country.length() != 2 || !PhoneCountries.isCountryCode(country)) {
            throw error(source, row.line(), "country", "\"" + code + "\" is not an ISO 3166-1 alpha-2 country code"
                    + " such as DO");
        }
        return country;
    }

    private static FileFormatException error(String source, int line, String field, String problem) {
        return new FileFormatException(ErrorCode.INVALID_MARKETS_FILE, source, line, field, problem);
    }
}
