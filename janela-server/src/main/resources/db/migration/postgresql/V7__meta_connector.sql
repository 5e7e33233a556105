-- Meta's Cloud API: each channel's throughput, the account's WhatsApp Business Account, the queue of sends, Meta's
-- ids for messages and templates, and both sides' pricing of each message for reconciliation.

-- Messages per second Meta lets the number send: 80 by default, up to 1,000 once Meta upgrades it.
alter table channels add column throughput integer not null default 80;
alter table accounts add column waba_id varchar(64);

-- The id Meta gave a message Janela sent (Janela's own id is messages.wamid); when it became unknown and when it
-- was flagged for an operator because no report came.
alter table messages add column meta_wamid varchar(255);
alter table messages add column flagged_at timestamp with time zone;
create unique index messages_by_meta_wamid on messages (channel_id, meta_wamid);
create index messages_by_state on messages (state, state_at);

-- How Janela priced the message (the model in force; charged, free or neither; the category), and how Meta's
-- status webhooks say Meta priced it.
alter table messages add column priced_model varchar(20);
alter table messages add column priced_unit varchar(10);
alter table messages add column priced_category varchar(40);
alter table messages add column meta_pricing_model varchar(10);
alter table messages add column meta_billable boolean;
alter table messages add column meta_pricing_type varchar(40);
alter table messages add column meta_category varchar(40);
create index messages_by_time on messages (account_id, at);

-- Sends accepted and committed, waiting to reach Meta. A row is claimed while its request is in flight; it is
-- removed once Meta answers, or once the answer is lost (the message is then unknown, never sent again).
create table send_queue (
    message_id  bigint primary key references messages (id),
    account_id  bigint not null references accounts (id),
    channel_id  bigint not null references channels (id),
    wamid       varchar(255) not null,
    wa_id       varchar(16) not null,
    request     text not null,
    attempts    integer not null default 0,
    not_before  timestamp with time zone not null,
    claimed_at  timestamp with time zone,
    last_error  varchar(500),
    created_at  timestamp with time zone not null
);
create index send_queue_by_due on send_queue (not_before, message_id);
create index send_queue_by_customer on send_queue (channel_id, wa_id);

-- A template's id at Meta, and the category it had before Meta changed it (which changes its price).
alter table templates add column meta_template_id varchar(64);
alter table templates add column previous_category varchar(20);
alter table templates add column category_changed_at timestamp with time zone;
