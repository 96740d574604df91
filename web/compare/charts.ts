/**
 * The page's charts with Apache ECharts, importing only the parts used (bar and line charts, the SVG
 * renderer). Each chart is drawn from a Table (data.ts), the same one its table view shows. ECharts'
 * aria option describes each chart to screen readers; the table view is the full alternative.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Table } from './data';

echarts.use([BarChart, LineChart, AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** A colour per city, in registry order: a city keeps its colour in every chart. */
export const CITY_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
/** Colours of outcomes and vote options: adopted/yes green, rejected/no red, the rest neutral. */
const ENUM_COLOURS: Record<string, string> = {
  ADOPTED: '#2e7d32', AMENDED: '#81c784', NOTED: '#4f7cac', POSTPONED: '#f9a825', REFERRED_BACK: '#fdd835',
  REJECTED: '#c62828', REQUEST_REJECTED: '#ef6c00', REQUEST_DISMISSED: '#8d6e63', WITHDRAWN: '#9e9e9e', UNKNOWN: '#cfd8dc',
  YES: '#2e7d32', NO: '#c62828', ABSTAIN: '#f9a825', ABSENT: '#9e9e9e', NOT_VOTING: '#cfd8dc',
};
/** For values the map does not know (the contract gained one). */
const OTHER_COLOURS = ['#6a1b9a', '#00838f', '#ad1457', '#558b2f', '#4e342e'];
const colourOf = (key: string | null | undefined, i: number) => (key && ENUM_COLOURS[key]) || OTHER_COLOURS[i % OTHER_COLOURS.length];

const charts = new Map<HTMLElement, echarts.ECharts>();

function chartIn(el: HTMLElement, height: number): echarts.ECharts {
  el.style.height = `${height}px`;
  const existing = charts.get(el);
  if (existing) {
    existing.resize();
    return existing;
  }
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  charts.set(el, chart);
  return chart;
}

addEventListener('resize', () => charts.forEach((c) => c.resize()));

const aria = (description: string) => ({ enabled: true, label: { description } });

/** A line per column (city) over the rows (months). */
export function drawLines(el: HTMLElement, t: Table, description: string): void {
  chartIn(el, 380).setOption(
    {
      aria: aria(description),
      color: CITY_COLOURS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 72 },
      xAxis: { type: 'category', data: t.rows.map((r) => r.label), name: t.corner, nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: 'Decisions', minInterval: 1 },
      dataZoom: t.rows.length > 24 ? [{ type: 'slider', bottom: 8 }] : [],
      series: t.columns.map((name, i) => ({ type: 'line', name, data: t.rows.map((r) => r.values[i]), showSymbol: t.rows.length <= 36 })),
    },
    true,
  );
}

/**
 * Horizontal bars, one per row: stacked by column, or as shares of the row's total (`shares`: each
 * bar 100 %, the counts in the tooltip). `columns` picks the value columns drawn (e.g. not a Total).
 */
export function drawStackedBars(el: HTMLElement, t: Table, description: string, opts: { shares?: boolean; columns?: number[] } = {}): void {
  const columns = opts.columns ?? t.columns.map((_, i) => i);
  const total = (values: number[]) => columns.reduce((a, i) => a + values[i], 0);
  chartIn(el, Math.max(160, 90 + t.rows.length * 34)).setOption(
    {
      aria: aria(description),
      color: columns.map((i) => colourOf(t.keys?.[i], i)),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: opts.shares ? (v: unknown) => `${Number(v).toFixed(1)} %` : undefined,
      },
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 56, bottom: 24, containLabel: true },
      xAxis: opts.shares ? { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } } : { type: 'value', minInterval: 1 },
      // The first row on top, as in the table.
      yAxis: { type: 'category', inverse: true, data: t.rows.map((r) => r.label) },
      series: columns.map((i) => ({
        type: 'bar',
        stack: 'total',
        name: t.columns[i],
        data: t.rows.map((r) => (opts.shares ? (total(r.values) ? (100 * r.values[i]) / total(r.values) : 0) : r.values[i])),
        label: opts.shares ? { show: true, formatter: (p: { value: unknown }) => (Number(p.value) >= 8 ? `${Math.round(Number(p.value))} %` : '') } : undefined,
      })),
    },
    true,
  );
}

/** Horizontal bars grouped by row (topic), one bar per column (city). */
export function drawGroupedBars(el: HTMLElement, t: Table, description: string): void {
  chartIn(el, Math.max(200, 80 + t.rows.length * (12 + 14 * t.columns.length))).setOption(
    {
      aria: aria(description),
      color: CITY_COLOURS,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 40, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, name: 'Decisions', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'category', inverse: true, data: t.rows.map((r) => r.label), axisLabel: { width: 260, overflow: 'truncate' } },
      series: t.columns.map((name, i) => ({ type: 'bar', name, data: t.rows.map((r) => r.values[i]) })),
    },
    true,
  );
}

/** Vertical bars per row (month), stacked by column (outcome); `columns` picks the columns drawn. */
export function drawStackedColumns(el: HTMLElement, t: Table, description: string, columns: number[]): void {
  chartIn(el, 300).setOption(
    {
      aria: aria(description),
      color: columns.map((i) => colourOf(t.keys?.[i], i)),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' }, // a half-width chart: one line of legend, scrolled
      grid: { left: 48, right: 24, top: 56, bottom: t.rows.length > 24 ? 72 : 32 },
      xAxis: { type: 'category', data: t.rows.map((r) => r.label) },
      yAxis: { type: 'value', minInterval: 1, name: 'Decisions' },
      dataZoom: t.rows.length > 24 ? [{ type: 'slider', bottom: 8 }] : [],
      series: columns.map((i) => ({ type: 'bar', stack: 'total', name: t.columns[i], data: t.rows.map((r) => r.values[i]) })),
    },
    true,
  );
}

/** Frees the charts whose elements left the page (a comparison with other cities replaced them). */
export function disposeDetached(): void {
  for (const [el, chart] of charts) {
    if (!el.isConnected) {
      chart.dispose();
      charts.delete(el);
    }
  }
}

export function clearChart(el: HTMLElement): void {
  charts.get(el)?.dispose();
  charts.delete(el);
  el.style.height = '';
}
