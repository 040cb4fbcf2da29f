-- early warning on a social index: an area whose status class changed since the previous period
alter table atlas.alert_rule drop constraint alert_rule_condition_check;
alter table atlas.alert_rule add constraint alert_rule_condition_check
    check (condition in ('ABOVE', 'BELOW', 'RISE', 'FALL', 'CLASS_CHANGED'));
