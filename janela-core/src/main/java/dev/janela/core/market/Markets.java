package dev.janela.core.market;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.internal.Csv;
import dev.janela.core.phone.PhoneCountries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A markets file: which countries are grouped into which named region. The market of a country is its region
 * where the file maps it, else the country code itself. Immutable and thread-safe.
 *
 * <pre>
 * market,country
 * North America,US
 * Rest of Latin America,DO
 * </pre>
 */
public final class Markets {
    private static final String META_REGIONS_RESOURCE = "meta-markets.csv";
    private static final List<String> COLUMNS = List.of("market", "country");
    private static final Markets NONE = new Markets("no markets file", Map.of());

    private final String source;
    private final Map<String, String> regionOfCountry;

    private Markets(String source, Map<String, String> regionOfCountry) {
        this.source = source;
        this.regionOfCountry = Map.copyOf(regionOfCountry);
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
            throw error(source, 0, null, "is empty; expected a header line \"market,country\"");
        }
        int[] columnOf = header(source, rows.get(0));
        Map<String, String> regionOfCountry = new HashMap<>();
        Map<String, Integer> lineOfCountry = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != COLUMNS.size()) {
                throw error(source, row.line(), null, "has " + row.fields().size() + " fields; expected 2 (market,"
                        + "country)");
            }
            String region = region(source, row, row.fields().get(columnOf[0]));
            String country = country(source, row, row.fields().get(columnOf[1]));
            Integer earlier = lineOfCountry.putIfAbsent(country, row.line());
            if (earlier != null) {
                throw error(source, row.line(), "country", country + " is mapped twice (lines " + earlier + " and "
                        + row.line() + "); a country belongs to one market");
            }
            regionOfCountry.put(country, region);
        }
        if (regionOfCountry.isEmpty()) {
            throw error(source, rows.get(0).line(), null, "has a header but no countries");
        }
        return new Markets(source, regionOfCountry);
    }

    /** The market of {@code country} (ISO 3166-1 alpha-2): its region, else the country code itself. */
    public String marketOf(String country) {
        return regionOfCountry.getOrDefault(country, country);
    }

    /** Where these markets came from, for messages. */
    public String source() {
        return source;
    }

    /** Each mapped country and its region. */
    public Map<String, String> regionOfCountry() {
        return regionOfCountry;
    }

    private static int[] header(String source, Csv.Row header) {
        List<String> names = header.fields().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        if (names.size() != 2 || !names.containsAll(COLUMNS)) {
            throw error(source, header.line(), null, "the header is \"" + String.join(",", header.fields())
                    + "\"; expected \"market,country\"");
        }
        return new int[] {names.indexOf("market"), names.indexOf("country")};
    }

    private static String region(String source, Csv.Row row, String region) {
        if (region.isEmpty()) {
            throw error(source, row.line(), "market", "is empty; expected a region name such as North America");
        }
        if (region.equals("*") || (region.length() == 2 && region.chars().allMatch(Character::isLetter))) {
            throw error(source, row.line(), "market", "\"" + region + "\" would be confused with a country code or"
                    + " with *; region names are longer");
        }
        return region;
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
