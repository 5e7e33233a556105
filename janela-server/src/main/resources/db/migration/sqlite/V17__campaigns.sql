-- Marketing consent. A customer who wrote a stop word, or whom an agent or the API marked, receives no marketing
-- template until they opt back in: opted_out_at is the current state, opt_outs every change of it, as it happened.
alter table customers add column opted_out_at text;
create table opt_outs (
    id          integer primary key autoincrement,
    account_id  integer not null references accounts (id),
    customer_id integer not null references customers (id),
    opted_out   boolean not null,
    source      text not null,
    detail      text,
    at          text not null
);
create index opt_outs_by_customer on opt_outs (customer_id, id);

-- The words that opt a customer out when a message is nothing else, per language, as the account wrote them.
create table stop_words (
    account_id integer not null references accounts (id),
    language   text not null,
    word       text not null,
    primary key (account_id, language, word)
);

-- At most marketing_cap_count marketing templates to one customer in marketing_cap_days (no cap when null); and
-- Meta's messaging limit: unique customers reached by business-initiated templates in a rolling 24 hours (no limit
-- when null), set by the account or by Meta's business_capability_update webhook.
alter table accounts add column marketing_cap_count integer;
alter table accounts add column marketing_cap_days integer;
alter table accounts add column messaging_limit integer;

-- A template sent while the customer's window was closed: what Meta's messaging limit counts.
alter table messages add column business_initiated boolean not null default false;
create index messages_business_initiated on messages (account_id, at) where business_initiated;

-- A template sent to a list. state: draft, scheduled, running, paused, finished, cancelled. waiting says why a
-- running campaign sends nothing now (the messaging limit), and is null while it sends.
create table campaigns (
    id          integer primary key autoincrement,
    account_id  integer not null references accounts (id),
    channel_id  integer not null references channels (id),
    name        text not null,
    template_id integer not null references templates (id),
    state       text not null,
    starts_at   text,
    estimate    text not null,
    created_at  text not null,
    created_by  text not null,
    started_at  text,
    finished_at text,
    waiting     text
);
create index campaigns_by_account on campaigns (account_id, id);
create index campaigns_by_state on campaigns (state, starts_at);

-- Each line of a campaign's list. state: pending, skipped, accepted, failed. A recipient becomes accepted in the
-- transaction that stores its message (wamid), so a restart never sends it twice; what became of the message after
-- is the message's own state. reason says why one was skipped or failed.
create table campaign_recipients (
    id          integer primary key autoincrement,
    campaign_id integer not null references campaigns (id),
    line        integer not null,
    recipient   text not null,
    parameters  text not null,
    state       text not null,
    reason      text,
    error_code  integer,
    wamid       text,
    updated_at  text not null
);
create index campaign_recipients_by_state on campaign_recipients (campaign_id, state, id);
create index campaign_recipients_by_recipient on campaign_recipients (campaign_id, recipient);
