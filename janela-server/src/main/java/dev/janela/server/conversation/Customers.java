package dev.janela.server.conversation;

import dev.janela.core.customer.Bsuid;
import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customers of accounts and the identifiers they are known by. Each identifier names at most one customer of an
 * account, which the database's unique indexes guarantee, so two first messages of one person arriving together
 * make one customer.
 *
 * <p>Which customer a set of identifiers names: the one with its BSUID; else the one with its phone number or
 * parent BSUID, unless that customer has another BSUID (then the number passed to someone else, and these
 * identifiers name a new customer). Identifiers a customer lacks are added to it. A phone number, parent BSUID or
 * username another customer holds moves to this one, as long as the other stays known by something; a phone number
 * is the only thing a customer from before BSUIDs is known by, so such a customer keeps it.
 */
@Repository
public class Customers {
    private static final Logger LOG = LoggerFactory.getLogger(Customers.class);
    private static final String COLUMNS = "id, handle, phone, user_id, parent_user_id, username, name";

    private final JdbcClient jdbc;
    private final Dialect dialect;

    Customers(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * The customer {@code ids} name, made if none is, and known from now on by all of them: a customer may be known
     * before they write (a send to them, their opt-out from marketing).
     */
    public Customer resolve(long accountId, CustomerIds ids, Instant now) {
        return resolved(accountId, ids, now).customer();
    }

    /** A customer, and whether this transaction made it: then nobody has a conversation with it yet. */
    record Resolved(Customer customer, boolean made) {
    }

    /** Like {@link #resolve}, saying whether the customer was made. */
    Resolved resolved(long accountId, CustomerIds ids, Instant now) {
        return resolved(accountId, ids, now, Optional.empty());
    }

    /**
     * The customer {@code identifier} names (as {@link #find} takes it), made if none is: found without a lock, as
     * a send to a known customer changes nothing of it; and when none is found, made at once, since nobody held the
     * identifier a moment ago.
     */
    Resolved findOrMake(long accountId, String identifier, Instant now) {
        Optional<Customer> found = find(accountId, identifier);
        if (found.isPresent()) {
            return new Resolved(found.get(), false);
        }
        return resolved(accountId, CustomerIds.of(identifier), now, Optional.of(List.of()));
    }

    /** @param knownFirst the holders of {@code ids} just read, if they were: then they are not read again first */
    private Resolved resolved(long accountId, CustomerIds ids, Instant now, Optional<List<Customer>> knownFirst) {
        for (int attempt = 0; attempt < 2; attempt++) {
            List<Customer> known = attempt == 0 && knownFirst.isPresent() ? knownFirst.get() : holders(accountId, ids);
            Optional<Customer> chosen = choose(known, ids);
            if (chosen.isPresent()) {
                return new Resolved(assign(accountId, chosen.get(), ids, known), false);
            }
            // A new customer is made with what nobody holds; what another holds passes to it on the next pass, if
            // it may. Any of the unique identifiers may meet a customer made at the same moment: then that one is
            // read again.
            CustomerIds free = new CustomerIds(unheld(known, Customer.Movable.PHONE, ids.phone()), ids.userId(),
                    unheld(known, Customer.Movable.PARENT_USER_ID, ids.parentUserId()), Optional.empty());
            Optional<Long> made = jdbc.sql("insert into customers (account_id, handle, phone, user_id,"
                    + " parent_user_id, created_at) values (:account, :handle, :phone, :userId, :parent, :now)"
                    + " on conflict do nothing returning id")
                    .param("account", accountId).param("handle", free.handle())
                    .param("phone", free.phone().orElse(null)).param("userId", free.userId().orElse(null))
                    .param("parent", free.parentUserId().orElse(null)).param("now", Instants.param(now))
                    .query(Long.class).optional();
            if (made.isPresent() && known.isEmpty()) {
                // Nobody held any of the identifiers, so the new customer holds them all, and is this
                // transaction's alone until it commits: there is nothing to read again.
                Customer customer = new Customer(made.get(), free.handle(), free.phone(), free.userId(),
                        free.parentUserId(), Optional.empty(), Optional.empty());
                return new Resolved(assign(accountId, customer, ids, List.of(customer)), true);
            }
        }
        List<Customer> known = holders(accountId, ids);
        return new Resolved(assign(accountId, choose(known, ids).orElseThrow(() -> new IllegalStateException(
                "no customer of account " + accountId + " could be made for the identifiers given")), ids, known),
                false);
    }

    /**
     * The customer that {@code identifier} names: a handle, a BSUID or a parent BSUID (a phone number's digits are
     * the handle of the customer who has it).
     */
    public Optional<Customer> find(long accountId, String identifier) {
        // a phone number's digits can only be a handle; a BSUID may be any of the three
        List<String> conditions = Bsuid.looksLikeOne(identifier)
                ? List.of("handle = :id", "user_id = :id", "parent_user_id = :id") : List.of("handle = :id");
        return jdbc.sql("select " + COLUMNS + " from customers where id in (" + byAny(conditions)
                + ") order by case when handle = :id then 0 else 1 end")
                .param("account", accountId).param("id", identifier).query(Customers::customer).list().stream()
                .findFirst();
    }

    /** The name the profile of the customer {@code identifier} names showed last, if it showed one. */
    public Optional<String> name(long accountId, String identifier) {
        return find(accountId, identifier).flatMap(Customer::name);
    }

    /**
     * Gives {@code customer} the identifiers of {@code changed}, in place of those it had: Meta reported a new phone
     * number or BSUID for the same person.
     */
    Customer change(long accountId, Customer customer, IdentityChange.Changed changed) {
        CustomerIds ids = new CustomerIds(changed.phone(), changed.userId(), changed.parentUserId(), Optional.empty());
        return assign(accountId, customer, ids, holders(accountId, ids));
    }

    /**
     * The customers holding any of the phone number, BSUID and parent BSUID of {@code ids}, locked until the
     * transaction ends: a customer's row is always locked before its conversation's, so that two messages of one
     * person, each changing one of the two, cannot wait on each other.
     */
    private List<Customer> holders(long accountId, CustomerIds ids) {
        List<String> conditions = new ArrayList<>();
        ids.phone().ifPresent(phone -> conditions.add("phone = :phone"));
        ids.userId().ifPresent(userId -> conditions.add("user_id = :userId"));
        ids.parentUserId().ifPresent(parent -> conditions.add("parent_user_id = :parent"));
        if (conditions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from customers where id in (" + byAny(conditions) + ") order by id"
                + dialect.lockRowsButNotTheirKeys())
                .param("account", accountId).param("phone", ids.phone().orElse(null))
                .param("userId", ids.userId().orElse(null)).param("parent", ids.parentUserId().orElse(null))
                .query(Customers::customer).list();
    }

    /**
     * The ids of the account's customers that meet any of {@code conditions}, one indexed lookup each: written as one
     * condition with {@code or}, SQLite reads every customer of the account instead. Only the identifiers given are
     * looked up: PostgreSQL's plan kept for a statement looks every branch up, each time, even for a parameter that
     * is null, and three branches cost about 1 ms where one costs a fifth of that (BENCHMARKS.md).
     */
    private static String byAny(List<String> conditions) {
        return String.join(" union all ", conditions.stream()
                .map(condition -> "select id from customers where account_id = :account and " + condition).toList());
    }

    /** {@code wanted}, unless a customer in {@code known} holds it as its {@code identifier}. */
    private static Optional<String> unheld(List<Customer> known, Customer.Movable identifier,
            Optional<String> wanted) {
        return wanted.filter(value -> known.stream().noneMatch(each -> identifier.of(each).equals(wanted)));
    }

    private static Optional<Customer> choose(List<Customer> known, CustomerIds ids) {
        if (ids.userId().isPresent()) {
            Optional<Customer> byUserId = known.stream().filter(each -> each.userId().equals(ids.userId()))
                    .findFirst();
            if (byUserId.isPresent()) {
                return byUserId;
            }
        }
        // A customer with another BSUID is another person, whatever else they share.
        List<Customer> compatible = known.stream()
                .filter(each -> each.userId().isEmpty() || ids.userId().isEmpty()).toList();
        return compatible.stream().filter(each -> ids.phone().isPresent() && each.phone().equals(ids.phone()))
                .findFirst()
                .or(() -> compatible.stream().filter(each -> ids.parentUserId().isPresent()
                        && each.parentUserId().equals(ids.parentUserId())).findFirst());
    }

    /** Gives {@code customer} the identifiers of {@code ids} it lacks or has others for; {@code known} holds them. */
    private Customer assign(long accountId, Customer customer, CustomerIds ids, List<Customer> known) {
        Optional<String> userId = ids.userId().or(customer::userId);
        if (otherHolder(known, customer, each -> each.userId().equals(ids.userId()) && ids.userId().isPresent())
                .isPresent()) {
            LOG.warn("Customer {} was reported to have a BSUID another customer has; it keeps its own",
                    customer.id());
            userId = customer.userId();
        }
        Optional<String> phone = moved(customer, Customer.Movable.PHONE, ids.phone(), known);
        Optional<String> parent = moved(customer, Customer.Movable.PARENT_USER_ID, ids.parentUserId(), known);
        Optional<String> username = ids.username().or(customer::username);
        if (!username.equals(customer.username()) && username.isPresent()) {
            jdbc.sql("update customers set username = null where account_id = :account and username = :username")
                    .param("account", accountId).param("username", username.get()).update();
        }
        String handle = new CustomerIds(phone, userId, parent, username).handle();
        Customer assigned = new Customer(customer.id(), handle, phone, userId, parent, username,
                customer.name());
        if (!assigned.equals(customer)) {
            jdbc.sql("update customers set handle = :handle, phone = :phone, user_id = :userId,"
                    + " parent_user_id = :parent, username = :username where id = :id")
                    .param("handle", handle).param("phone", phone.orElse(null))
                    .param("userId", userId.orElse(null)).param("parent", parent.orElse(null))
                    .param("username", username.orElse(null)).param("id", customer.id()).update();
        }
        return assigned;
    }

    private static Optional<Customer> otherHolder(List<Customer> known, Customer customer,
            Predicate<Customer> holds) {
        return known.stream().filter(each -> each.id() != customer.id()).filter(holds).findFirst();
    }

    /**
     * What {@code customer} has of {@code identifier} once given {@code wanted}: the wanted one, taken from the
     * customer in {@code known} that holds it when that one stays known by something else; else what it had.
     */
    private Optional<String> moved(Customer customer, Customer.Movable identifier, Optional<String> wanted,
            List<Customer> known) {
        Optional<String> current = identifier.of(customer);
        if (wanted.isEmpty() || wanted.equals(current)) {
            return current;
        }
        Optional<Customer> holder = otherHolder(known, customer, each -> identifier.of(each).equals(wanted));
        if (holder.isEmpty()) {
            return wanted;
        }
        Optional<String> holderHandle = holder.get().handleWithout(identifier);
        if (holderHandle.isEmpty()) {
            LOG.info("Customer {} is known only by its {}, so it keeps it; customer {} is not given it",
                    holder.get().id(), identifier.column(), customer.id());
            return current;
        }
        jdbc.sql("update customers set " + identifier.column() + " = null, handle = :handle where id = :id")
                .param("handle", holderHandle.get()).param("id", holder.get().id()).update();
        return wanted;
    }

    static Customer customer(ResultSet row, int number) throws SQLException {
        return customer(row, "id");
    }

    /** The customer in {@code row}, whose id is in the column {@code idColumn}. */
    static Customer customer(ResultSet row, String idColumn) throws SQLException {
        return new Customer(row.getLong(idColumn), row.getString("handle"), Optional.ofNullable(row.getString("phone")),
                Optional.ofNullable(row.getString("user_id")), Optional.ofNullable(row.getString("parent_user_id")),
                Optional.ofNullable(row.getString("username")), Optional.ofNullable(row.getString("name")));
    }
}
