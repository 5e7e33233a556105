-- Each message Janela sends has its row updated four or five times within seconds: Meta's id once the send is
-- answered, then a state for each of its statuses, with Meta's pricing on two of them. An update changing no indexed
-- column, and finding room on its row's page, is a heap-only tuple: PostgreSQL writes no index entry for it. The
-- state was indexed (messages_by_state), for the one question asked of it, which messages are unknown, so every
-- status wrote an entry in each of the table's seven indexes. That question now has a column of its own, set only
-- while the message is unknown, and a small index of those rows; and pages keep a fifth free for the updates.
alter table messages add column unknown_since timestamp with time zone;
update messages set unknown_since = state_at where state = 'unknown';
create index messages_unknown on messages (unknown_since) where unknown_since is not null;
drop index messages_by_state;
alter table messages set (fillfactor = 80);
