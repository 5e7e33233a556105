-- A customer may be known by a phone number, a business-scoped user ID (BSUID, since 2026), a parent BSUID and a
-- username, or several of them; each names at most one customer of an account. The handle is what conversations'
-- keys and the ledger name the customer by: the phone number's digits when known, else the BSUID.
alter table customers rename column wa_id to handle;
alter table customers alter column handle type varchar(140);
alter table customers add column phone varchar(16);
alter table customers add column user_id varchar(140);
alter table customers add column parent_user_id varchar(140);
alter table customers add column username varchar(100);
update customers set phone = handle;
create unique index customers_by_phone on customers (account_id, phone);
create unique index customers_by_user_id on customers (account_id, user_id);
create unique index customers_by_parent_user_id on customers (account_id, parent_user_id);
create unique index customers_by_username on customers (account_id, username);

alter table charges alter column customer type varchar(140);
alter table send_queue rename column wa_id to customer;
alter table send_queue alter column customer type varchar(140);

-- Whether a customer's open window carries on when Meta reports a new number or BSUID for them. Meta does not say
-- whether it keeps the window across the change; carrying on is what a customer would expect.
alter table accounts add column identity_change_keeps_window boolean not null default true;
