-- A monthly count may cover a business number instead of a market (pmp-2026 counts each number's free service
-- messages): the column names what the count covers, a market, a business number, or '' for the whole account.
alter table usage_counts rename column market to part;

-- How many service messages each of the account's business numbers sends free in a calendar month under pmp-2026.
-- Meta's pages do not give the figure; integrators reported 1,000.
alter table accounts add column free_service_messages integer not null default 1000;
