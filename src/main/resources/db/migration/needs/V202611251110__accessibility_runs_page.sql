-- needs: what the accessibility page shows about grids and runs (issue 6). A grid gets a name, its source or
-- attribution, and the area level its cells' area codes belong to (e.g. gemeinde). A run records its mode: straight
-- line, or travel time on a road network (FOOT, BIKE, CAR). For a road run the share within and the mean are about
-- travel time: threshold_min is the time threshold, access_area.mean_metres then holds mean seconds, and threshold_m
-- holds the straight-line 2SFCA catchment (the same as catchment_m). created_by: who started it (not part of the
-- inputs' hash: the same inputs give the same run, whoever asks).
alter table needs.population_grid
    add column name        text check (length(name) between 1 and 200),
    add column attribution text check (length(attribution) <= 1000),
    add column area_level  text check (length(area_level) between 1 and 60);

alter table needs.access_run
    add column mode          text not null default 'STRAIGHT_LINE'
        check (mode in ('STRAIGHT_LINE', 'FOOT', 'BIKE', 'CAR')),
    add column threshold_min double precision check (threshold_min > 0),
    add column created_by    text,
    add constraint access_run_time_threshold check ((mode = 'STRAIGHT_LINE') = (threshold_min is null));
