-- Several nodes may serve one database. Each channel's sending is owned by one node at a time, under a lease the node
-- renews; a node taking a channel over counts its token up, and each claim of a send checks the token, so a node
-- that lost its lease, however late it notices, claims nothing more. The new owner sends from sendable_from: a
-- second after the old lease ended, so that no second holds both nodes' messages.
create table channel_leases (
    channel_id    integer primary key references channels (id),
    node          text not null,
    token         integer not null,
    expires_at    text not null,
    sendable_from text not null
);
create index channel_leases_by_node on channel_leases (node, expires_at);

-- The nodes alive: each writes when it last renewed, and takes its share of channels by how many are alive.
create table cluster_nodes (
    node    text primary key,
    seen_at text not null
);

-- Work done once for the whole cluster at each period (retention, template sync, housekeeping): a node runs it only
-- if it moves started_at on past the period's end first.
create table cluster_jobs (
    job        text primary key,
    started_at text not null,
    node       text not null
);
