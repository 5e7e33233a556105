-- Whether the account wrote its own stop words. Until it does, the defaults apply (STOP, PARAR, SAIR...); once it
-- has, its rows in stop_words are all its words, and a language with none has none: an account may want no word to
-- opt its customers out, and without this mark it would be given the defaults back.
alter table accounts add column stop_words_set boolean not null default false;
