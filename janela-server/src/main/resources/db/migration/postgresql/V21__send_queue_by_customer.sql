-- A pass of the sender reads the due sends of the channels its node holds by the primary key, in the order they go
-- (V19). PostgreSQL still planned it, in some runs, as a bitmap scan of the channel's rows in send_queue_by_customer,
-- whose first column was the channel: when the queue was analysed nearly empty, that looked cheapest, and a bitmap
-- scan reads every row the last vacuum left and never marks one dead (17,000 of them, 0.9 ms a pass). The index now
-- holds the customer alone, which is all the count of a customer's waiting sends needs, and a pass cannot use it.
-- Counting a channel's queue, once a second, scans the table instead.
drop index send_queue_by_customer;
create index send_queue_by_customer on send_queue (customer);
