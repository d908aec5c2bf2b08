import deadlineFromPolicy from './deadline-from-policy';
import dualReportingInParallel from './dual-reporting-in-parallel';
import firstReportEndsWithCityReceipt from './first-report-ends-with-city-receipt';
import jobTypeHasHandler from './job-type-has-handler';
import userTaskRolesExist from './user-task-roles-exist';
import verifiedAndSignedBeforeDispatch from './verified-and-signed-before-dispatch';

/** bpmnlint-plugin-kuaibao: the rules of the seed notices, as a bpmnlint plugin (docs/adr/0037). */
export const kuaibaoRules = {
  'verified-and-signed-before-dispatch': verifiedAndSignedBeforeDispatch,
  'dual-reporting-in-parallel': dualReportingInParallel,
  'job-type-has-handler': jobTypeHasHandler,
  'user-task-roles-exist': userTaskRolesExist,
  'deadline-from-policy': deadlineFromPolicy,
  'first-report-ends-with-city-receipt': firstReportEndsWithCityReceipt,
} as const;

export const kuaibaoRecommended = {
  rules: Object.fromEntries(Object.keys(kuaibaoRules).map((name) => [name, 'error'])),
};
