-- monitor_report_refresh (docs/adr/0045) is called with the ids of the reports to recompute, and PL/pgSQL's plan cache
-- kept choosing a custom plan for each call (the generic plan is estimated for more ids than the one or two a step
-- passes): it planned its statement at every call, and planning cost more than running it (PostgreSQL 15: 0.86 ms
-- planning, 0.2 ms running for one report; PGlite 1.9 and 1.2 ms). The generic plan (index lookups by report id) is
-- made once per connection and serves one report as well as a bulk load's thousands (docs/adr/0067).
ALTER FUNCTION monitor_report_refresh(text[]) SET plan_cache_mode = force_generic_plan;
