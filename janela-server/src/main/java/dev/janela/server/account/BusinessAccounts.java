package dev.janela.server.account;

import dev.janela.server.refusal.Refusal;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each account's WhatsApp Business Account at Meta, where its templates are submitted and whose webhooks reach it. A
 * WhatsApp Business Account belongs to one Janela account: Meta's template webhooks name only the WABA, and two
 * accounts sharing one would see each other's templates. The database's unique index settles two accounts claiming
 * one at the same moment.
 */
@Service
public class BusinessAccounts {
    private static final Pattern WABA_ID = Pattern.compile("[0-9]{1,64}");

    private final Accounts accounts;

    BusinessAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account's WhatsApp Business Account id, once set. */
    public Optional<String> find(long accountId) {
        return accounts.wabaId(accountId);
    }

    /**
     * Sets the account's WhatsApp Business Account; setting the one it has again changes nothing.
     *
     * @throws Refusal invalid when {@code wabaId} is not Meta's id (digits), conflict when another account has it
     */
    @Transactional
    public String set(long accountId, String wabaId) {
        String expected = "the WhatsApp Business Account's id at Meta, up to 64 digits";
        if (wabaId == null || wabaId.isEmpty()) {
            throw Refusal.invalid("waba_id", "is required: " + expected);
        }
        if (!WABA_ID.matcher(wabaId).matches()) {
            throw Refusal.invalid("waba_id", "is not " + expected);
        }
        Optional<Long> holder = accounts.findByWabaId(wabaId);
        if (holder.isPresent() && holder.get() != accountId) {
            throw takenBy(wabaId);
        }
        try {
            accounts.setWabaId(accountId, wabaId);
        } catch (DuplicateKeyException racedByAnotherAccount) {
            throw takenBy(wabaId);
        }
        return wabaId;
    }

    private static Refusal takenBy(String wabaId) {
        return Refusal.conflict("WhatsApp Business Account " + wabaId + " belongs to another Janela account; a WABA"
                + " can belong to only one");
    }
}
