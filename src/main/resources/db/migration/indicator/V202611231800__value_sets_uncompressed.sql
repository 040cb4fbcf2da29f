-- Value sets are arrays of doubles that compress badly: compressing them on every write cost most of a full
-- recomputation (bench/results/indicators.md). Stored out of line but uncompressed they write about five times faster.
alter table indicator.value_set alter column area_ids set storage external;
alter table indicator.value_set alter column value set storage external;
alter table indicator.value_set alter column coverage set storage external;
