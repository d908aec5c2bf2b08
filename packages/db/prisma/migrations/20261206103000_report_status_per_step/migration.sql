-- Hand-written (issue 19 item 8): a report's status is the step it has reached, one code per step
-- (packages/domain/src/report-status.ts). 报送中 was 'dispatching', 不属实 was 'closed', a 涉密 placeholder 'recorded'.
UPDATE "incident_report" SET "status" = 'reported' WHERE "status" IN ('dispatching', 'recorded');
UPDATE "incident_report" SET "status" = 'revoked' WHERE "status" = 'closed';
