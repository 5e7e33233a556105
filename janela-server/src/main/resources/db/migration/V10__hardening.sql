-- A WhatsApp Business Account belongs to one Janela account: Meta's template webhooks name only the WABA. Where two
-- accounts had set the same one, the oldest keeps it (webhooks already reached that one alone); the others set it
-- again, and are refused while the oldest has it.
update accounts set waba_id = null
    where waba_id is not null
    and id > (select min(other.id) from accounts other where other.waba_id = accounts.waba_id);
create unique index accounts_by_waba_id on accounts (waba_id);
