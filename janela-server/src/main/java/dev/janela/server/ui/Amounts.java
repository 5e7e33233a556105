package dev.janela.server.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Amounts as the pages show them, in the reader's language: {@code US$ 0,0625} in Portuguese. WhatsApp's prices have
 * four decimals, so four are shown when needed, never fewer than the currency's own, and never so few that a digit
 * of the exact amount is hidden.
 */
@Component("amounts")
public class Amounts {
    private static final int PRICE_DECIMALS = 4;

    /** {@code amount}, a decimal such as {@code 0.0625}, in {@code currency}. */
    public String format(String amount, String currency, Locale locale) {
        return format(new BigDecimal(amount), currency, locale);
    }

    public String format(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency unit = Currency.getInstance(currency);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(Math.max(0, unit.getDefaultFractionDigits()));
        format.setMaximumFractionDigits(Math.max(Math.max(PRICE_DECIMALS, unit.getDefaultFractionDigits()),
                amount.stripTrailingZeros().scale()));
        return format.format(amount);
    }

    /** {@code micros}, millionths of {@code currency}, as the ledger stores them. */
    public String formatMicros(long micros, String currency, Locale locale) {
        return format(BigDecimal.valueOf(micros, 6), currency, locale);
    }
}
