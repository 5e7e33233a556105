-- Janela's schema on SQLite, the embedded store: the same tables, columns, keys and indexes as PostgreSQL's
-- migrations V1 to V9 leave, in SQLite's words. Ids are never reused (AUTOINCREMENT), so a row's id, once committed,
-- names it for good. Instants are text, always written in the one width Janela writes them
-- (2026-03-02T09:00:00.000000Z), so that comparing them as text compares them as times. SQLite does not enforce
-- lengths: Janela checks the lengths it depends on before it writes.

create table accounts (
    id           integer primary key autoincrement,
    name         text not null,
    market_basis text not null default 'business',
    created_at   text not null,
    time_zone    text not null default 'UTC',
    volume_tiers text,
    plan_version integer not null default 0,
    waba_id      text
);

create table users (
    id            integer primary key autoincrement,
    account_id    integer not null references accounts (id),
    email         text not null unique,
    name          text not null,
    role          text not null,
    password_hash text not null,
    created_at    text not null,
    created_by    text not null,
    removed_at    text
);

create table api_tokens (
    id         integer primary key autoincrement,
    account_id integer not null references accounts (id),
    token_hash text not null unique,
    name       text not null,
    role       text not null,
    created_at text not null,
    revoked_at text,
    user_id    integer references users (id),
    created_by text
);

-- Secrets Janela generated for itself on first start, when the environment gave none.
create table server_settings (
    setting       text primary key,
    setting_value text not null
);

create table channels (
    id              integer primary key autoincrement,
    account_id      integer not null references accounts (id),
    phone_number_id text not null unique,
    number          text not null,
    country         text not null,
    created_at      text not null,
    created_by      text,
    throughput      integer not null default 80
);

create table customers (
    id         integer primary key autoincrement,
    account_id integer not null references accounts (id),
    wa_id      text not null,
    name       text,
    created_at text not null,
    unique (account_id, wa_id)
);

create table conversations (
    id                 integer primary key autoincrement,
    account_id         integer not null references accounts (id),
    channel_id         integer not null references channels (id),
    customer_id        integer not null references customers (id),
    window_expires_at  text,
    current_session_id integer,
    last_message_at    text,
    created_at         text not null,
    assigned_user_id   integer references users (id),
    pricing_state      text,
    unique (channel_id, customer_id)
);
create index conversations_by_recent on conversations (channel_id, last_message_at, id);

-- Every session a conversation had; conversations.current_session_id is the one the engine reasons about.
create table sessions (
    id              integer primary key autoincrement,
    account_id      integer not null references accounts (id),
    channel_id      integer not null references channels (id),
    conversation_id integer not null references conversations (id),
    type            text not null,
    status          text not null,
    opened_at       text not null,
    opened_by       text not null,
    ended_at        text
);
create index sessions_by_conversation on sessions (conversation_id, opened_at);

create table templates (
    id                  integer primary key autoincrement,
    account_id          integer not null references accounts (id),
    name                text not null,
    language            text not null,
    category            text not null,
    body                text not null,
    status              text not null,
    rejection_reason    text,
    created_at          text not null,
    updated_at          text not null,
    created_by          text,
    reviewed_by         text,
    header              text,
    footer              text,
    meta_template_id    text,
    previous_category   text,
    category_changed_at text,
    unique (account_id, name, language)
);

create table template_reviews (
    id          integer primary key autoincrement,
    account_id  integer not null references accounts (id),
    template_id integer not null references templates (id),
    verdict     text not null,
    comments    text,
    reviewed_by text not null,
    at          text not null
);
create index template_reviews_by_template on template_reviews (template_id, id);

create table messages (
    id                 integer primary key autoincrement,
    account_id         integer not null references accounts (id),
    channel_id         integer not null references channels (id),
    conversation_id    integer not null references conversations (id),
    wamid              text not null,
    direction          text not null,
    type               text not null,
    template_id        integer references templates (id),
    category           text,
    body               text,
    state              text not null,
    author             text,
    at                 text not null,
    state_at           text not null,
    error_code         integer,
    created_at         text not null,
    referral           boolean not null default false,
    meta_wamid         text,
    flagged_at         text,
    priced_model       text,
    priced_unit        text,
    priced_category    text,
    meta_pricing_model text,
    meta_billable      boolean,
    meta_pricing_type  text,
    meta_category      text,
    callback_data      text,
    unique (channel_id, wamid)
);
create index messages_by_conversation on messages (conversation_id, at);
create unique index messages_by_meta_wamid on messages (channel_id, meta_wamid);
create index messages_by_state on messages (state, state_at);
create index messages_by_time on messages (account_id, at);

create table rate_cards (
    id             integer primary key autoincrement,
    account_id     integer not null references accounts (id),
    version        text not null,
    effective_from text not null,
    currency       text not null,
    csv            text not null,
    created_at     text not null,
    created_by     text,
    unique (account_id, version),
    unique (account_id, effective_from)
);

-- The append-only ledger: rows are never updated or deleted; a correction is a new row (a reversal).
create table charges (
    id                integer primary key autoincrement,
    account_id        integer not null references accounts (id),
    channel_id        integer not null references channels (id),
    conversation_id   integer not null references conversations (id),
    customer          text not null,
    event_id          text not null,
    kind              text not null,
    cause             text not null,
    at                text not null,
    market            text not null,
    category          text not null,
    amount_micros     integer not null,
    currency          text not null,
    rate_card_version text not null,
    created_at        text not null,
    unique (account_id, cause)
);
create index charges_by_time on charges (account_id, at, id);

-- Webhook events already applied, so that a delivery Meta repeats changes nothing.
create table processed_events (
    account_id   integer not null references accounts (id),
    channel_id   integer not null references channels (id),
    event_key    text not null,
    processed_at text not null,
    primary key (channel_id, event_key)
);

create table idempotency_keys (
    account_id      integer not null references accounts (id),
    idempotency_key text not null,
    request_hash    text not null,
    state           text not null,
    response_status integer,
    response_body   text,
    created_at      text not null,
    primary key (account_id, idempotency_key)
);

-- Sends Janela refused before they cost anything (131047 outside the window...), counted for the activity report.
create table refused_sends (
    id         integer primary key autoincrement,
    account_id integer not null references accounts (id),
    channel_id integer not null references channels (id),
    code       integer not null,
    at         text not null
);
create index refused_sends_by_time on refused_sends (account_id, at);

create table notes (
    id              integer primary key autoincrement,
    account_id      integer not null references accounts (id),
    channel_id      integer not null references channels (id),
    conversation_id integer not null references conversations (id),
    author          text not null,
    text            text not null,
    created_at      text not null
);
create index notes_by_conversation on notes (conversation_id, id);

create table pricing_periods (
    account_id     integer not null references accounts (id),
    effective_from text not null,
    model          text not null,
    created_at     text not null,
    created_by     text not null,
    primary key (account_id, effective_from)
);

-- The account's monthly counts that free tiers and volume tiers depend on.
create table usage_counts (
    account_id  integer not null references accounts (id),
    usage_month text not null,
    counter     text not null,
    market      text not null,
    units       integer not null,
    primary key (account_id, usage_month, counter, market)
);

-- Sends accepted and committed, waiting to reach Meta.
create table send_queue (
    message_id integer primary key references messages (id),
    account_id integer not null references accounts (id),
    channel_id integer not null references channels (id),
    wamid      text not null,
    wa_id      text not null,
    request    text not null,
    attempts   integer not null default 0,
    not_before text not null,
    claimed_at text,
    last_error text,
    created_at text not null
);
create index send_queue_by_due on send_queue (not_before, message_id);
create index send_queue_by_customer on send_queue (channel_id, wa_id);

-- Webhooks to the business's own systems: each receiver's subscription, and the outbox of its events.
create table webhook_subscriptions (
    id          integer primary key autoincrement,
    account_id  integer not null references accounts (id),
    url         text not null,
    event_types text not null,
    secret      text not null,
    active      boolean not null,
    created_at  text not null,
    created_by  text not null
);
create index webhook_subscriptions_by_account on webhook_subscriptions (account_id);

create table webhook_deliveries (
    id              integer primary key autoincrement,
    account_id      integer not null references accounts (id),
    channel_id      integer not null references channels (id),
    subscription_id integer not null references webhook_subscriptions (id),
    event_id        text not null unique,
    event_type      text not null,
    body            text not null,
    state           text not null,
    attempts        integer not null,
    next_attempt_at text,
    last_attempt_at text,
    last_error      text,
    delivered_at    text,
    created_at      text not null
);
create index webhook_deliveries_due on webhook_deliveries (state, next_attempt_at);
create index webhook_deliveries_by_subscription on webhook_deliveries (subscription_id, created_at, id);
