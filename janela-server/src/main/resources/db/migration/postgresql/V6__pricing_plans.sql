-- Pricing plans: which model prices an account's traffic from which instant (the session model before the first
-- period), the account's billing time zone, and its volume tiers.
alter table accounts add column time_zone varchar(64) not null default 'UTC';
alter table accounts add column volume_tiers text;
-- Counts every change to the plan, the time zone or the tiers, so that a process sees a change at once.
alter table accounts add column plan_version bigint not null default 0;

create table pricing_periods (
    account_id     bigint not null references accounts (id),
    effective_from timestamp with time zone not null,
    model          varchar(20) not null,
    created_at     timestamp with time zone not null,
    created_by     varchar(254) not null,
    primary key (account_id, effective_from)
);

-- What Meta's models remember of a conversation (open conversations, free entry points), as the core writes it;
-- null under the session model, whose sessions have their own table.
alter table conversations add column pricing_state varchar(2000);

-- The account's monthly counts that free tiers and volume tiers depend on. A decision that counts locks its row
-- after the conversation's, so counts are exact across processes.
create table usage_counts (
    account_id  bigint not null references accounts (id),
    usage_month char(7) not null,
    counter     varchar(40) not null,
    market      varchar(100) not null,
    units       bigint not null,
    primary key (account_id, usage_month, counter, market)
);

-- Whether a customer's message came from an ad or a Page button: a free entry point under Meta's models, and
-- needed to price past traffic again under another model.
alter table messages add column referral boolean not null default false;
