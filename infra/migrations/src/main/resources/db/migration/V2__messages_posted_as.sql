-- Messages injected by a domain administrator from the police network show that role.
alter table messages add column posted_as text check (posted_as in ('domain-admin'));
