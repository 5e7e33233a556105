-- Several nodes may serve one database. Each channel's sending is owned by one node at a time, under a lease the node
-- renews; a node taking a channel over counts its token up, and each claim of a send checks the token, so a node
-- that lost its lease, however late it notices, claims nothing more. The new owner sends from sendable_from: a
-- second after the old lease ended, so that no second holds both nodes' messages.
create table channel_leases (
    channel_id    bigint primary key references channels (id),
    node          varchar(200) not null,
    token         bigint not null,
    expires_at    timestamp with time zone not null,
    sendable_from timestamp with time zone not null
);
create index channel_leases_by_node on channel_leases (node, expires_at);

-- The nodes alive: each writes when it last renewed, and takes its share of channels by how many are alive.
create table cluster_nodes (
    node    varchar(200) primary key,
    seen_at timestamp with time zone not null
);

-- Work done once for the whole cluster at each period (retention, template sync, housekeeping): a node runs it only
-- if it moves started_at on past the period's end first.
create table cluster_jobs (
    job        varchar(200) primary key,
    started_at timestamp with time zone not null,
    node       varchar(200) not null
);
