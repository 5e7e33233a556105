-- What a send asked Meta to echo in its statuses (biz_opaque_callback_data): Janela sends its own id there instead,
-- to recognise the message, and echoes the client's value in the status events it sends the business.
alter table messages add column callback_data varchar(512);
