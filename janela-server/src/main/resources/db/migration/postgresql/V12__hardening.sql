-- A WhatsApp Business Account belongs to one Janela account: Meta's template webhooks name only the WABA. Where two
-- accounts had set the same one, the oldest keeps it (webhooks already reached that one alone); the others set it
-- again, and are refused while the oldest has it.
update accounts set waba_id = null
    where waba_id is not null
    and id > (select min(other.id) from accounts other where other.waba_id = accounts.waba_id);
create unique index accounts_by_waba_id on accounts (waba_id);

-- Failed sign-ins, counted in the database so that every process over it limits guessing alike: by address (its
-- SHA-256, so that no address anyone typed is kept) and by account. A subject is paused until paused_until after
-- too many failures within a window starting at window_start; pauses in a row grow longer.
create table sign_in_counts (
    subject        varchar(80) primary key,
    failures       integer not null,
    window_start   timestamp with time zone not null,
    pauses         integer not null,
    paused_until   timestamp with time zone,
    last_failed_at timestamp with time zone not null
);
create index sign_in_counts_by_last_failure on sign_in_counts (last_failed_at);
