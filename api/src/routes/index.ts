import type { RouteModule } from '../deps';
import { login } from './auth/login';
import { logout } from './auth/logout';
import { me } from './auth/me';
import { getDossier } from './reports/get-dossier';
import { listIncidents } from './reports/list-incidents';
import { recordPhoneReport } from './reports/record-phone-report';
import { submitReport } from './reports/submit-report';
import { taskEvents } from './events/task-events';
import { listOrgUnits } from './org/list-org-units';
import { getDiagram } from './processes/get-diagram';
import { health } from './system/health';
import { claimTask } from './tasks/claim-task';
import { completeTask } from './tasks/complete-task';
import { getTask } from './tasks/get-task';
import { listTasks } from './tasks/list-tasks';

export const routes: RouteModule[] = [login, logout, me, health, submitReport, recordPhoneReport, listIncidents, getDossier, listTasks, getTask, claimTask, completeTask, taskEvents, listOrgUnits, getDiagram];
