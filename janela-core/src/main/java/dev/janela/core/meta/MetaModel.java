package dev.janela.core.meta;

import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.PricingModel;
import dev.janela.core.pricing.PricingState;
import dev.janela.core.pricing.Rating;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What Meta's models have in common: each bills units counted per account, remembers when the customer last arrived
 * from an entry point, charges nothing for the customer's own messages, and takes over only states of its own type
 * (starting afresh from another model's). Subclasses are immutable and thread-safe.
 *
 * @param <S> the type of the model's states
 */
abstract class MetaModel<S extends MetaModel.WithArrival<S>> implements PricingModel<S> {
    /**
     * A state of one of Meta's models: whatever else it holds, when the customer last arrived from an entry point
     * not yet answered.
     *
     * @param <S> the type of the model's states
     */
    interface WithArrival<S> extends PricingState {
        /** When the customer last arrived from an entry point not yet answered, null if never. */
        Instant arrivedAt();

        /** This state with the customer's last arrival at {@code arrivedAt}, null for none. */
        S withArrivedAt(Instant arrivedAt);
    }

    private final String name;
    private final List<Category> categories;
    private final Class<S> stateType;
    private final S initial;

    /**
     * @param categories the categories it charges, in the order reports list them
     * @param stateType the type of its states, by which it tells its own states from other models'
     * @param initial the state of a conversation nothing has happened in yet
     */
    MetaModel(String name, List<Category> categories, Class<S> stateType, S initial) {
        this.name = Objects.requireNonNull(name, "name");
        this.categories = List.copyOf(categories);
        this.stateType = Objects.requireNonNull(stateType, "stateType");
        this.initial = Objects.requireNonNull(initial, "initial");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Category> categories() {
        return categories;
    }

    @Override
    public final boolean countsPerAccount() {
        return true;
    }

    @Override
    public final S initialState() {
        return initial;
    }

    @Override
    public final S takeOver(PricingState state) {
        return stateType.isInstance(state) ? stateType.cast(state) : takeOverFromAnother(state);
    }

    /** What this model makes of another model's state at a plan's switch: by default, it starts afresh. */
    S takeOverFromAnother(PricingState state) {
        return initial;
    }

    @Override
    public final Rating<S> onCustomerMessage(S state, CustomerMessage message, boolean windowOpen) {
        return Rating.none(state.withArrivedAt(EntryPoint.arrival(state.arrivedAt(), message)));
    }
}
