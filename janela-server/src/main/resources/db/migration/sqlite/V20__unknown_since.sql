-- Which messages are unknown is the only question asked of a message's state by index. It has a column of its own,
-- set only while the message is unknown, and a small index of those rows, so that a status, which moves the state
-- of every message Janela sends three times, writes no index entry (PostgreSQL's V20 says more).
alter table messages add column unknown_since text;
update messages set unknown_since = state_at where state = 'unknown';
create index messages_unknown on messages (unknown_since) where unknown_since is not null;
drop index messages_by_state;
