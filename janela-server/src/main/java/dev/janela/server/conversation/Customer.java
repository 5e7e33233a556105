package dev.janela.server.conversation;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A customer of an account as stored: its id, its {@linkplain CustomerIds#handle handle}, every identifier it is
 * known by, and the name its WhatsApp profile showed last, if it showed one.
 */
public record Customer(long id, String handle, Optional<String> phone, Optional<String> userId,
        Optional<String> parentUserId, Optional<String> username, Optional<String> name) {
    public Customer {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(parentUserId, "parentUserId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The handle the customer would have without {@code identifier}, or empty when it would be known by nothing: its
     * number, else its BSUID, else its parent BSUID.
     */
    Optional<String> handleWithout(Movable identifier) {
        Optional<String> withoutPhone = identifier == Movable.PHONE ? Optional.empty() : phone;
        Optional<String> withoutParent = identifier == Movable.PARENT_USER_ID ? Optional.empty() : parentUserId;
        return withoutPhone.or(() -> userId).or(() -> withoutParent);
    }

    /**
     * The identifiers that pass from one customer to another when Meta gives them to someone else: a recycled phone
     * number, a parent BSUID. A BSUID never does; only Meta's report of a change replaces it.
     */
    enum Movable {
        PHONE("phone", Customer::phone),
        PARENT_USER_ID("parent_user_id", Customer::parentUserId);

        private final String column;
        private final Function<Customer, Optional<String>> value;

        Movable(String column, Function<Customer, Optional<String>> value) {
            this.column = column;
            this.value = value;
        }

        String column() {
            return column;
        }

        Optional<String> of(Customer customer) {
            return value.apply(customer);
        }
    }
}
