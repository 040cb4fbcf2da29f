-- offer: accessibility of a location (HSDS accessibility): step-free access yes/no/unknown (null) and a description
-- (lift, accessible toilet, induction loop …)
alter table offer.location add column step_free boolean;
alter table offer.location add column accessibility text check (length(accessibility) <= 1000);
