-- Markers of what was applied or answered are kept as long as Meta may deliver a webhook again, or a client retry a
-- send (7 days), then deleted, oldest first: an index by age finds them.
create index processed_events_by_age on processed_events (processed_at);
create index idempotency_keys_by_age on idempotency_keys (created_at);
