-- Webhook items Janela can never store (an id longer than its column, a NUL character, a shape it cannot read), kept
-- whole with the reason, so that the delivery is answered and its other items applied, and an admin can look. An
-- item Meta delivers again is kept once: its digest (SHA-256 of the channel named, the kind and the item) is unique.
create table quarantined_items (
    id              integer primary key autoincrement,
    account_id      integer references accounts (id),
    channel_id      integer references channels (id),
    phone_number_id text,
    kind            text not null,
    reason          text not null,
    item            text not null,
    digest          text not null unique,
    received_at     text not null
);
create index quarantined_items_by_account on quarantined_items (account_id, received_at, id);
