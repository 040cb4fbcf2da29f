-- network (issue 7, second part): a person may withdraw the consent; the contact data is then removed (the name
-- stays for the records of past conferences) and the time of the withdrawal is kept.
alter table network.person add column consent_withdrawn_at timestamptz;
