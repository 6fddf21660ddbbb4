/**
 * Data for the chart elements Teams draws in Adaptive Cards (`Chart.*`), typed as Teams documents them. A template
 * binds it whole (`"data": "${chart.data}"`), and every chart element in cards/ carries a `fallback` (the text bars)
 * for clients that cannot draw charts; the card-template test enforces that rule.
 */

/** Colours Teams accepts for a data point; the ones our cards use. */
export type ChartColor = 'good' | 'warning' | 'attention' | 'neutral' | 'categoricalBlue' | 'categoricalTeal' | 'categoricalPurple';

/** One point of `Chart.VerticalBar`, `Chart.HorizontalBar` or of a `Chart.Line` series. */
export interface ChartPoint {
  readonly x: string;
  readonly y: number;
  readonly color?: ChartColor;
}

/** One segment of a bar in `Chart.HorizontalBar.Stacked`. */
export interface StackedSegment {
  readonly legend: string;
  readonly value: number;
  readonly color?: ChartColor;
}

/** One bar of `Chart.HorizontalBar.Stacked`: its label and its segments. */
export interface StackedBar {
  readonly title: string;
  readonly data: readonly StackedSegment[];
}

/** A chart's title and data, as a template binds them. */
export interface ChartData<TData> {
  readonly title: string;
  readonly data: readonly TData[];
}

/** Legends of the two segments of a bar drawn against its own target. */
export interface TargetLegends {
  readonly done: string;
  readonly toGo: string;
}

/**
 * Bars for `Chart.HorizontalBar.Stacked` where each bar is its own fixed target: the done part and the part still to
 * go always add up to the target, so a bar is never scaled to the largest one (2 of 4 never looks complete).
 */
export function targetBars(rows: ReadonlyArray<{ readonly title: string; readonly done: number; readonly target: number }>, legends: TargetLegends): StackedBar[] {
  return rows.map(({ title, done, target }) => {
    const safeTarget = Math.max(0, Math.round(target));
    const safeDone = Math.min(safeTarget, Math.max(0, Math.round(done)));
    return {
      title,
      data: [
        { legend: legends.done, value: safeDone, color: 'categoricalBlue' },
        { legend: legends.toGo, value: safeTarget - safeDone, color: 'neutral' },
      ],
    };
  });
}
