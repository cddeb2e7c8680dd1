"use client";
// One small ECharts wrapper for every dashboard chart: only the bar and line charts, the grid,
// tooltip and legend, and the SVG renderer are bundled (echarts/core), not the whole library.
// It resizes with its container (ResizeObserver), so it works from a 375 px phone up.
// The data table behind every chart is rendered beside it by the page, not here.
import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartSeries = { name: string; data: (number | null)[]; kind?: "bar" | "line"; muted?: boolean };

const COLORS = ["#1d4ed8", "#059669", "#d97706", "#dc2626", "#7c3aed"];

export function Chart({ categories, series, label, height = 260, unit = "", horizontal = false }: {
  categories: string[];
  series: ChartSeries[];
  /** What the chart shows, for screen readers (the table beside it has the numbers). */
  label: string;
  height?: number;
  unit?: string;
  horizontal?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    const categoryAxis = { type: "category" as const, data: categories, axisLabel: { interval: 0, hideOverlap: true, fontSize: 11, width: horizontal ? 90 : 70, overflow: "truncate" as const } };
    const valueAxis = { type: "value" as const, axisLabel: { fontSize: 11, formatter: (v: number) => `${v}${unit === "%" ? "%" : ""}` } };
    chart.setOption({
      color: COLORS,
      textStyle: { fontFamily: "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif" },
      grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
      legend: series.length > 1 ? { top: 0, itemWidth: 14, textStyle: { fontSize: 12 } } : undefined,
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (v === null || v === undefined ? "—" : `${v}${unit}`) },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s, i) => ({
        name: s.name,
        type: s.kind ?? "bar",
        data: s.data,
        barMaxWidth: 28,
        connectNulls: true,
        symbolSize: 6,
        itemStyle: s.muted ? { color: "#cbd5e1" } : { color: COLORS[i % COLORS.length] },
        label: s.kind === "line" || s.muted ? undefined : { show: categories.length <= 12, position: horizontal ? "right" : "top", fontSize: 11 },
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [categories, series, height, unit, horizontal]);
  return <div ref={ref} role="img" aria-label={label} style={{ height, width: "100%" }} />;
}
