-- Hand-written (Prisma 6 cannot declare partial indexes; the schema is unchanged): the inbox looks
-- only at open tasks, which are few beside the completed ones, by candidate group, candidate user
-- or assignee. Each branch of that OR gets an index of open tasks, so PostgreSQL combines them in
-- one bitmap instead of filtering every open task (docs/benchmarks.md, inbox).
CREATE INDEX "engine_user_task_open_candidate_groups_idx" ON "engine_user_task" USING GIN ("candidate_groups") WHERE "state" = 'created';
CREATE INDEX "engine_user_task_open_candidate_users_idx" ON "engine_user_task" USING GIN ("candidate_users") WHERE "state" = 'created';
CREATE INDEX "engine_user_task_open_assignee_idx" ON "engine_user_task" ("assignee") WHERE "state" = 'created';
