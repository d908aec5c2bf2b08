-- issue 23 item 5 (docs/adr/0050): 定期统计 reads a period's incidents of every unit by creation time
CREATE INDEX "incident_created_at_idx" ON "incident"("created_at");
