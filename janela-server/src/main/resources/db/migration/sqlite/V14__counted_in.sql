-- The monthly count a message used (pmp-2026's service messages of its business number, a market's utility
-- messages for volume tiers): "<month>|<counter>|<part>". A message that fails gives its unit back, since Meta
-- counts only what it delivers.
alter table messages add column counted_in text;
