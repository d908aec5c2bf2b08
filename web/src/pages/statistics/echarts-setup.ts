// Only what the statistics draw: bar and pie charts with a grid, tooltips and the aria description, on canvas.
// Imported from echarts/core so the rest of echarts stays out of the bundle; this module is reached only through the
// lazily loaded statistics panel, so its chunk is not part of the login page's first load (test/web/first-load).
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { echarts };
