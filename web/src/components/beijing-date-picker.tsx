import dayjsGenerateConfig from '@rc-component/picker/es/generate/dayjs';
import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { beijingWall } from '../lib/time';

/**
 * Ant Design's date picker, whose "now" (the 此刻 button, today's mark) is Beijing's wall time, not the
 * browser's: its values are Beijing wall times (see beijingWall / beijingInstant in lib/time).
 */
export const BeijingDatePicker = DatePicker.generatePicker<Dayjs>({ ...dayjsGenerateConfig, getNow: () => beijingWall(Date.now()) });
