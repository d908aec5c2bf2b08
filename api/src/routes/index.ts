import type { RouteModule } from '../deps';
import { login } from './auth/login';
import { logout } from './auth/logout';
import { me } from './auth/me';
import { getDossier } from './reports/get-dossier';
import { listIncidents } from './reports/list-incidents';
import { adminInstances } from './admin/admin-instances';
import { verifyAudit } from './admin/verify-audit';
import { elementDurationsRoute } from './admin/element-durations';
import { instanceChanges } from './admin/instance-changes';
import { migrationBatches } from './admin/migration-batches';
import { instanceJobsRoute } from './admin/instance-jobs';
import { traceActions } from './admin/trace-actions';
import { traceMonitor } from './admin/trace-monitor';
import { traceVariables } from './admin/trace-variables';
import { timeliness } from './stats/timeliness';
import { recordPhoneReport } from './reports/record-phone-report';
import { requestVerification } from './reports/request-verification';
import { submitLaterReport } from './reports/submit-later-report';
import { submitReport } from './reports/submit-report';
import { taskEvents } from './events/task-events';
import { listOrgUnits } from './org/list-org-units';
import { changePassword } from './auth/change-password';
import { adminAudit } from './org-admin/admin-audit';
import { importExport } from './org-admin/import-export';
import { orgUnitsAdmin } from './org-admin/org-units-admin';
import { peopleAdmin } from './org-admin/people-admin';
import { routeHealthRoute } from './org-admin/route-health';
import { getDiagram } from './processes/get-diagram';
import { health } from './system/health';
import { compareProcess } from './designer/compare-process';
import { policyRoutes } from './policies/policy-routes';
import { createDraft } from './designer/create-draft';
import { dryRunDraftRoute } from './designer/dry-run-draft';
import { deleteDraft } from './designer/delete-draft';
import { deployDraft } from './designer/deploy-draft';
import { getDraft } from './designer/get-draft';
import { getProcessVersion } from './designer/get-process-version';
import { listProcesses } from './designer/list-processes';
import { myJurisdiction } from './designer/my-jurisdiction';
import { rollbackProcess } from './designer/rollback-process';
import { saveDraft } from './designer/save-draft';
import { claimTask } from './tasks/claim-task';
import { completeTask } from './tasks/complete-task';
import { getTask } from './tasks/get-task';
import { listTasks } from './tasks/list-tasks';
// duty work (issue 23 items 1–3)
import { dutyDailyReports } from './duty/duty-daily-reports';
import { dutyInstructions } from './duty/duty-instructions';
import { dutyRoster } from './duty/duty-roster';
// issue 23 items 4–5: holiday returns and periodic statistics (docs/adr/0049, 0050)
import { fileHolidayReturn } from './holidays/file-return';
import { getHolidayDay } from './holidays/holiday-day';
import { listHolidays } from './holidays/list-holidays';
import { submitHolidaySummary } from './holidays/submit-summary';
import { periodicStatsRoute } from './statistics/periodic-stats';
// issue 20, the approver's day (docs/adr/0052)
import { acknowledgeBatch } from './tasks/acknowledge-batch';
import { transferTask } from './tasks/transfer-task';
import { withdrawReport } from './reports/withdraw-report';
import { listCopied } from './worklists/list-copied';
import { listDone } from './worklists/list-done';
import { listInitiated } from './worklists/list-initiated';
// issue 20: 加签 (docs/adr/0041)
import { coSignTask } from './tasks/co-sign';
// issue 20 capability 6: print / export (docs/adr/0042)
import { exportReportPdfRoute } from './reports/export-report-pdf';


export const routes: RouteModule[] = [login, logout, me, health, submitReport, recordPhoneReport, submitLaterReport, listIncidents, getDossier, requestVerification, listTasks, getTask, claimTask, completeTask, taskEvents, listOrgUnits, getDiagram, traceMonitor, elementDurationsRoute, instanceJobsRoute, traceActions, instanceChanges, migrationBatches, traceVariables, adminInstances, verifyAudit, timeliness,
  changePassword, orgUnitsAdmin, peopleAdmin, routeHealthRoute, adminAudit, importExport,
  myJurisdiction, listProcesses, getProcessVersion, createDraft, getDraft, saveDraft, deleteDraft, deployDraft, rollbackProcess, compareProcess, policyRoutes, dryRunDraftRoute,
  dutyRoster, dutyDailyReports, dutyInstructions,
  listHolidays, getHolidayDay, fileHolidayReturn, submitHolidaySummary, periodicStatsRoute,
  coSignTask,
  acknowledgeBatch, transferTask, withdrawReport, listDone, listInitiated, listCopied,
  exportReportPdfRoute];
