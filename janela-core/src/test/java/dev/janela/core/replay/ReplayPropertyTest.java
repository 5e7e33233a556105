package dev.janela.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.ledger.Charge;
import dev.janela.core.market.MarketBasis;
import dev.janela.core.market.Markets;
import dev.janela.core.pricing.Category;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.core.session.SessionSettings;
import dev.janela.core.testfixtures.TestEngines;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random traffic (several channels and customers of many countries, gaps from milliseconds to days, times at the
 * exact edges of windows and grace, ties, duplicates, shuffled order, failed sends, malformed and blank lines) is
 * replayed, and rated again by a small oracle written here from the rules R1-R12 alone: the ledgers must be the same
 * row for row, and so must every count and total. The seed of a failing case is in the assertion's message.
 */
class ReplayPropertyTest {
    private static final Duration DAY = Duration.ofHours(24);
    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    private static final String[] CATEGORIES = {"marketing", "utility", "authentication"};

    /** Numbers whose country is known here, independently of libphonenumber. */
    private static final Map<String, String> COUNTRY_OF = Map.ofEntries(
            Map.entry("+5511999990000", "BR"), Map.entry("+5521988887777", "BR"),
            Map.entry("+5531977776666", "BR"), Map.entry("+525512345678", "MX"),
            Map.entry("+5215598765432", "MX"), Map.entry("+12125550123", "US"),
            Map.entry("+12025550143", "US"), Map.entry("+15550001111", "US"),
            Map.entry("+14165550199", "CA"), Map.entry("+18095551234", "DO"),
            Map.entry("+18295551234", "DO"), Map.entry("+17875551234", "PR"),
            Map.entry("+18765551234", "JM"), Map.entry("+77012345678", "KZ"),
            Map.entry("+79161234567", "RU"), Map.entry("+447700900123", "GB"),
            Map.entry("+441481720000", "GG"), Map.entry("+919876543210", "IN"),
            Map.entry("+4915112345678", "DE"), Map.entry("+390669812345", "VA"),
            Map.entry("+393123456789", "IT"));
    private static final List<String> CHANNELS =
            List.of("+5511999990000", "+525512345678", "+12125550123", "+18095551234", "+441481720000");
    private static final List<String> NUMBERS = List.copyOf(new TreeMap<>(COUNTRY_OF).keySet());
    private static final Map<String, String> REGION_OF = Map.of("DO", "Latin America", "PR", "Latin America",
            "JM", "Latin America", "US", "North America", "CA", "North America", "GG", "Islands");
    private static final String MARKETS = """
            market,country
            Latin America,DO
            Latin America,PR
            Latin America,JM
            North America,US
            North America,CA
            Islands,GG
            """;
    private static final List<String> MALFORMED = List.of(
            "{\"id\":\"x\",\"at\":\"2026-03-02T10:00:00Z\"",
            "not json at all",
            "{\"id\":\"x\",\"at\":\"2026-03-02T10:00:00\",\"channel\":\"+5511999990000\","
                    + "\"customer\":\"+5521988887777\",\"direction\":\"in\",\"type\":\"text\"}",
            "{\"id\":\"x\",\"at\":\"2026-03-02T10:00:00Z\",\"channel\":\"+5511999990000\","
                    + "\"customer\":\"55-21-98888\",\"direction\":\"in\",\"type\":\"text\"}",
            "{\"id\":\"x\",\"at\":\"2026-03-02T10:00:00Z\",\"channel\":\"+5511999990000\","
                    + "\"customer\":\"+5521988887777\",\"direction\":\"out\",\"type\":\"template\"}",
            "[1,2,3]");

    @RepeatedTest(300)
    void replay_agreesWithTheOracle(RepetitionInfo repetition) {
        long seed = 0x5EED_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        Traffic traffic = Traffic.generate(random);
        MarketBasis basis = random.nextBoolean() ? MarketBasis.BUSINESS : MarketBasis.RECIPIENT;
        boolean withRegions = random.nextBoolean();
        Map<String, Map<String, BigDecimal>> prices = randomPrices(random);

        List<Charge> ledger = new ArrayList<>();
        ReplayResult result = replay(traffic, basis, withRegions, prices, random, ledger);
        Oracle oracle = Oracle.rate(traffic, basis, withRegions, prices);

        String context = "seed " + seed;
        assertThat(ledger).as(context).extracting(ReplayPropertyTest::row).containsExactlyElementsOf(oracle.rows);
        assertThat(result.events()).as(context).isEqualTo(oracle.events);
        assertThat(result.duplicates()).as(context).isEqualTo(oracle.duplicates);
        assertThat(result.invalid()).as(context).isEqualTo(traffic.malformedLines);
        assertThat(result.rejected()).as(context).isEqualTo(oracle.rejected);
        assertThat(result.charges()).as(context).isEqualTo(oracle.rows.size());
        assertThat(result.total().toBigDecimal()).as(context).isEqualByComparingTo(oracle.total);
        assertThat(tallies(result.byCategory())).as(context).isEqualTo(oracle.byCategory);
        assertThat(tallies(result.byMarket())).as(context).isEqualTo(oracle.byMarket);
        ReplayResult inParallel = replayInParallel(traffic, basis, withRegions, prices, random);
        assertThat(inParallel).as(context + ", conversations rated in parallel").isEqualTo(result);
    }

    private static ReplayResult replay(Traffic traffic, MarketBasis basis, boolean withRegions,
            Map<String, Map<String, BigDecimal>> prices, SplittableRandom random, List<Charge> ledger) {
        Replay replay = new Replay(settings(basis, withRegions, prices, 1 + random.nextInt(4)),
                16 + random.nextInt(2048));
        return replay.run(segments(traffic.lines, random), ledger::add, ReplayListener.NONE);
    }

    /** The same replay without a ledger, so that conversations are rated on several threads. */
    private static ReplayResult replayInParallel(Traffic traffic, MarketBasis basis, boolean withRegions,
            Map<String, Map<String, BigDecimal>> prices, SplittableRandom random) {
        Replay replay = new Replay(settings(basis, withRegions, prices, 2 + random.nextInt(3)),
                16 + random.nextInt(2048));
        return replay.run(segments(traffic.lines, random), ReplayListener.NONE);
    }

    private static ReplaySettings settings(MarketBasis basis, boolean withRegions,
            Map<String, Map<String, BigDecimal>> prices, int parallelism) {
        SessionSettings settings = SessionSettings.DEFAULTS.withMarketBasis(basis);
        PriceBook book = PriceBook.of(RateCardParser.parse("rates.csv", rateCard(prices), "v1", Instant.MIN));
        Markets markets = withRegions ? Markets.parse("markets.csv", MARKETS) : Markets.none();
        return new ReplaySettings(TestEngines.session(settings, book, markets), false, parallelism);
    }

    /** The log's bytes in one to three segments, each of whole lines. */
    private static EventSource segments(List<String> lines, SplittableRandom random) {
        int cuts = random.nextInt(3);
        List<ByteBuffer> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            segment.append(lines.get(i)).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            if (cuts > 0 && random.nextInt(lines.size()) < 2) {
                segments.add(ByteBuffer.wrap(segment.toString().getBytes(StandardCharsets.UTF_8)));
                segment.setLength(0);
                cuts--;
            }
        }
        segments.add(ByteBuffer.wrap(segment.toString().getBytes(StandardCharsets.UTF_8)));
        return new EventSource("traffic.jsonl", segments);
    }

    private static Map<String, Map<String, BigDecimal>> randomPrices(SplittableRandom random) {
        Map<String, Map<String, BigDecimal>> prices = new HashMap<>();
        for (String market : List.of("BR", "MX", "US", "Latin America", "North America", "*")) {
            for (String category : List.of("user_initiated", "business_initiated")) {
                if (market.equals("*") || random.nextInt(4) != 0) {
                    prices.computeIfAbsent(market, unused -> new HashMap<>())
                            .put(category, BigDecimal.valueOf(random.nextLong(1, 1_000_000), 6));
                }
            }
        }
        return prices;
    }

    private static String rateCard(Map<String, Map<String, BigDecimal>> prices) {
        StringBuilder card = new StringBuilder("market,category,price,currency\n");
        prices.forEach((market, byCategory) -> byCategory.forEach((category, price) ->
                card.append(market).append(',').append(category).append(',').append(price.toPlainString())
                        .append(",USD\n")));
        return card.toString();
    }

    private static String row(Charge charge) {
        return charge.eventId() + " " + charge.category().wireName() + " " + charge.market() + " "
                + charge.amount().toBigDecimal().stripTrailingZeros().toPlainString();
    }

    private static <K> Map<String, String> tallies(Map<K, Tally> tallies) {
        Map<String, String> flat = new TreeMap<>();
        tallies.forEach((key, tally) -> flat.put(key instanceof Category category ? category.wireName()
                : key.toString(), tally.charges() + " " + tally.total().toBigDecimal().stripTrailingZeros()
                .toPlainString()));
        return flat;
    }

    /** One generated event, as the oracle sees it. */
    private record Generated(String id, Instant at, String channel, String customer, String direction,
            boolean template, boolean failed, int fileOrder) {
    }

    /** A random log: its lines, and the events behind the valid ones. */
    private static final class Traffic {
        final List<String> lines = new ArrayList<>();
        final List<Generated> events = new ArrayList<>();
        long malformedLines;

        static Traffic generate(SplittableRandom random) {
            Traffic traffic = new Traffic();
            List<String> channels = pick(random, CHANNELS, 1 + random.nextInt(3));
            List<String> customers = pick(random, NUMBERS, 2 + random.nextInt(6));
            List<Instant> times = new ArrayList<>(List.of(BASE));
            int count = 20 + random.nextInt(300);
            for (int i = 0; i < count; i++) {
                Instant at = nextTime(random, times);
                times.add(at);
                String channel = channels.get(random.nextInt(channels.size()));
                String customer = customers.get(random.nextInt(customers.size()));
                if (customer.equals(channel)) {
                    continue;
                }
                traffic.add(random, eventId(random, i), at, channel, customer);
            }
            if (random.nextInt(3) == 0) {
                traffic.sortByTime();
            }
            return traffic;
        }

        private void add(SplittableRandom random, String id, Instant at, String channel, String customer) {
            int roll = random.nextInt(100);
            if (roll < 3) {
                lines.add(MALFORMED.get(random.nextInt(MALFORMED.size())));
                malformedLines++;
                return;
            }
            if (roll < 5) {
                lines.add(random.nextBoolean() ? "" : "   ");
                return;
            }
            String eventId = roll < 10 && !events.isEmpty() ? events.get(random.nextInt(events.size())).id : id;
            String direction = random.nextInt(10) < 4 ? "in" : "out";
            boolean template = direction.equals("out") && random.nextInt(10) < 4;
            boolean failed = direction.equals("out") && random.nextInt(10) == 0;
            Generated event = new Generated(eventId, at, channel, customer, direction, template, failed,
                    lines.size());
            events.add(event);
            lines.add(json(random, event));
        }

        private void sortByTime() {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                order.add(i);
            }
            Map<Integer, Instant> timeOfLine = new HashMap<>();
            events.forEach(event -> timeOfLine.put(event.fileOrder, event.at));
            Instant[] carried = new Instant[lines.size()];
            Instant last = BASE;
            for (int i = 0; i < lines.size(); i++) {
                last = timeOfLine.getOrDefault(i, last);
                carried[i] = last;
            }
            order.sort(Comparator.comparing(i -> carried[i]));
            List<String> sortedLines = new ArrayList<>();
            Map<Integer, Integer> newPosition = new HashMap<>();
            for (int position = 0; position < order.size(); position++) {
                sortedLines.add(lines.get(order.get(position)));
                newPosition.put(order.get(position), position);
            }
            lines.clear();
            lines.addAll(sortedLines);
            List<Generated> renumbered = new ArrayList<>();
            for (Generated event : events) {
                renumbered.add(new Generated(event.id, event.at, event.channel, event.customer, event.direction,
                        event.template, event.failed, newPosition.get(event.fileOrder)));
            }
            events.clear();
            events.addAll(renumbered);
        }

        /** Mostly plain ids; some with a quote or letters that are not ASCII, which the parser must decode. */
        private static String eventId(SplittableRandom random, int number) {
            return "e" + number + (random.nextInt(5) == 0 ? List.of("\"", "é", "ü", "日").get(random.nextInt(4)) : "");
        }

        /** {@code text} as the inside of a JSON string, each character written plainly or escaped, at random. */
        private static String jsonString(SplittableRandom random, String text) {
            StringBuilder json = new StringBuilder();
            for (char c : text.toCharArray()) {
                boolean mustEscape = c == '"';
                if (mustEscape || random.nextInt(c < 0x80 ? 20 : 2) == 0) {
                    json.append(c == '"' && random.nextBoolean() ? "\\\"" : String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            return json.toString();
        }

        /** A time near an earlier one: seconds to days later or earlier, a tie, or at a window's exact edge. */
        private static Instant nextTime(SplittableRandom random, List<Instant> times) {
            Instant anchor = times.get(random.nextInt(times.size()));
            return switch (random.nextInt(6)) {
                case 0 -> anchor;
                case 1 -> anchor.plus(DAY).plusMillis(random.nextInt(3) - 1);
                case 2 -> anchor.plusSeconds(random.nextLong(1, 600));
                case 3 -> anchor.plusSeconds(random.nextLong(600, 30 * 3600));
                case 4 -> anchor.plus(Duration.ofDays(random.nextLong(1, 5)));
                default -> anchor.minusSeconds(random.nextLong(1, 40 * 3600));
            };
        }

        private static String json(SplittableRandom random, Generated event) {
            List<String> fields = new ArrayList<>();
            fields.add("\"id\":\"" + jsonString(random, event.id) + "\"");
            fields.add("\"at\":\"" + timestamp(random, event.at) + "\"");
            fields.add("\"channel\":\"" + number(random, event.channel) + "\"");
            fields.add("\"customer\":\"" + number(random, event.customer) + "\"");
            fields.add("\"direction\":\"" + event.direction + "\"");
            if (event.template) {
                fields.add("\"type\":\"template\"");
                fields.add("\"category\":\"" + CATEGORIES[random.nextInt(CATEGORIES.length)] + "\"");
                fields.add("\"template\":\"order_update\"");
            } else {
                fields.add("\"type\":\"" + (random.nextBoolean() ? "text" : "image") + "\"");
            }
            if (event.failed) {
                fields.add("\"status\":\"failed\"");
            } else if (event.direction.equals("out") && random.nextBoolean()) {
                fields.add("\"status\":\"delivered\"");
            }
            if (random.nextInt(5) == 0) {
                fields.add("\"extra\":{\"nested\":[1,2.5e3,true,null,\"x\"]}");
            }
            if (event.direction.equals("in") && random.nextInt(5) == 0) {
                fields.add("\"referral\":" + random.nextBoolean());
            }
            for (int i = fields.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String swap = fields.get(i);
                fields.set(i, fields.get(j));
                fields.set(j, swap);
            }
            String separator = random.nextInt(4) == 0 ? ", " : ",";
            return "{" + String.join(separator, fields) + "}";
        }

        private static String timestamp(SplittableRandom random, Instant at) {
            if (random.nextInt(4) != 0) {
                return at.toString();
            }
            return OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(-3)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }

        private static String number(SplittableRandom random, String e164) {
            return random.nextBoolean() ? e164 : e164.substring(1);
        }

        private static List<String> pick(SplittableRandom random, List<String> from, int count) {
            List<String> shuffled = new ArrayList<>(from);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String swap = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, swap);
            }
            return shuffled.subList(0, Math.min(count, shuffled.size()));
        }
    }

    /** The rules R1-R12, written again as plainly as possible. */
    private static final class Oracle {
        final List<String> rows = new ArrayList<>();
        final Map<String, String> byCategory = new TreeMap<>();
        final Map<String, String> byMarket = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        long events;
        long duplicates;
        long rejected;

        /** One conversation's memory: the customer's last message, and the current session. */
        private static final class Conversation {
            Instant lastCustomerMessage;
            String status = "none";
            Instant templateSentAt;
        }

        static Oracle rate(Traffic traffic, MarketBasis basis, boolean withRegions,
                Map<String, Map<String, BigDecimal>> prices) {
            Oracle oracle = new Oracle();
            List<Generated> byFileOrder = new ArrayList<>(traffic.events);
            byFileOrder.sort(Comparator.comparingInt(Generated::fileOrder));
            Set<String> seen = new HashSet<>();
            List<Generated> distinct = new ArrayList<>();
            for (Generated event : byFileOrder) {
                if (seen.add(event.id)) {
                    distinct.add(event);
                } else {
                    oracle.duplicates++;
                }
            }
            distinct.sort(Comparator.comparing(Generated::at));
            oracle.events = distinct.size();
            Map<String, Conversation> conversations = new HashMap<>();
            for (Generated event : distinct) {
                Conversation conversation = conversations.computeIfAbsent(event.channel + event.customer,
                        unused -> new Conversation());
                String category = oracle.decide(conversation, event);
                if (category != null) {
                    String country = COUNTRY_OF.get(basis == MarketBasis.BUSINESS ? event.channel : event.customer);
                    String market = withRegions ? REGION_OF.getOrDefault(country, country) : country;
                    BigDecimal price = prices.getOrDefault(market, Map.of()).get(category);
                    if (price == null) {
                        price = prices.get("*").get(category);
                    }
                    oracle.charge(event.id, category, market, price);
                }
            }
            return oracle;
        }

        /** The category charged for {@code event}, or null when it is free. */
        private String decide(Conversation conversation, Generated event) {
            boolean windowOpen = conversation.lastCustomerMessage != null
                    && event.at.isBefore(conversation.lastCustomerMessage.plus(DAY));
            if (event.direction.equals("in")) {
                conversation.lastCustomerMessage = event.at;
                if (conversation.status.equals("active") && windowOpen) {
                    return null;
                }
                if (conversation.status.equals("pending")
                        && event.at.isBefore(conversation.templateSentAt.plus(DAY))) {
                    conversation.status = "active";
                    return null;
                }
                conversation.status = "active";
                return "user_initiated";
            }
            if (!event.template) {
                if (!windowOpen) {
                    rejected++;
                }
                return null;
            }
            if (event.failed || windowOpen) {
                return null;
            }
            conversation.status = "pending";
            conversation.templateSentAt = event.at;
            return "business_initiated";
        }

        private void charge(String id, String category, String market, BigDecimal price) {
            rows.add(id + " " + category + " " + market + " " + price.stripTrailingZeros().toPlainString());
            total = total.add(price);
            add(byCategory, category, price);
            add(byMarket, market, price);
        }

        private static void add(Map<String, String> tallies, String key, BigDecimal price) {
            String[] before = tallies.getOrDefault(key, "0 0").split(" ");
            tallies.put(key, (Long.parseLong(before[0]) + 1) + " "
                    + new BigDecimal(before[1]).add(price).stripTrailingZeros().toPlainString());
        }
    }
}
