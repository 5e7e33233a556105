-- The send queue's rows come and go all day, and between bursts it may be empty. Analysed while nearly empty, it is
-- estimated to hold next to no rows, and every plan of its statements then costs about the same. PostgreSQL picked,
-- and kept for a load of sends (BENCHMARKS.md):
-- * for a claim or delete by message id, a scan of the whole due index, which held the message id as its second
--   column, or a seq scan once autovacuum had cut the table back to no pages: 160-270 us and up to 6 ms, against
--   6-12 us by the primary key;
-- * for a pass's due sends, a bitmap scan of the due index, which reads every row the last vacuum left, 35,000 of
--   them, and never marks one dead: 2.4 ms a pass for 8 sends. A scan of the primary key, in the order the sends go,
--   stops at the pass's limit, and marks the dead rows it passes so that the next pass skips them.
-- A table that keeps its pages never costs a seq scan nothing (and cutting it back takes a lock that stops the queue
-- while it lasts). Only a retry waits for a later time, so the due index holds retries alone: the passes cannot use
-- it, and the wait for the next retry still finds it at once.
alter table send_queue set (vacuum_truncate = false);
drop index send_queue_by_due;
create index send_queue_retries on send_queue (not_before) where attempts > 0;
