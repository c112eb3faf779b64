/**
 * A stacked bar chart drawn on the server as plain SVG (no script): one bar per category, the
 * first series dark, the second hatched, so it reads in black and white when printed. The SVG is an
 * image with an aria-label; the page gives the numbers in a table beside it.
 */
export type StackedBar = { label: string; values: readonly [number, number] };

const width = 640;
const height = 220;
const margin = { top: 12, right: 8, bottom: 40, left: 36 };

function niceMaximum(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate * 5 >= value) ?? magnitude * 10;
  return step * 5;
}

export function StackedBarChart({
  id,
  label,
  bars,
  seriesLabels,
  caption,
  testId,
}: {
  /** Unique on the page: names the hatch pattern. */
  id: string;
  /** The full description for screen readers (what the chart shows, with its numbers). */
  label: string;
  /** The title shown under the chart. */
  caption?: string;
  bars: readonly StackedBar[];
  seriesLabels: readonly [string, string];
  testId?: string;
}) {
  const maximum = niceMaximum(Math.max(0, ...bars.map((bar) => bar.values[0] + bar.values[1])));
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.min(40, slot * 0.6);
  const y = (value: number) => margin.top + plotHeight - (value / maximum) * plotHeight;
  const ticks = [0, 1, 2, 3, 4, 5].map((index) => (maximum / 5) * index);
  const pattern = `${id}-hatch`;
  return (
    // On a phone the chart keeps a readable size and scrolls sideways rather than shrinking its labels.
    <figure className="max-w-full overflow-x-auto" data-testid={testId}>
      <svg
        viewBox={`0 0 ${width} ${height + 24}`}
        role="img"
        aria-label={label}
        className="h-auto w-full max-w-2xl min-w-[520px]"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title>{label}</title>
        <defs>
          <pattern id={pattern} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#b91c1c" strokeWidth="3" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#d1d5db" strokeWidth="1" />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#374151">
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const x = margin.left + slot * index + (slot - barWidth) / 2;
          const [first, second] = bar.values;
          return (
            <g key={bar.label}>
              {first > 0 ? <rect x={x} y={y(first)} width={barWidth} height={y(0) - y(first)} fill="#1f2937" /> : null}
              {second > 0 ? (
                <rect
                  x={x}
                  y={y(first + second)}
                  width={barWidth}
                  height={y(first) - y(first + second)}
                  fill={`url(#${pattern})`}
                  stroke="#7f1d1d"
                  strokeWidth="1"
                />
              ) : null}
              <text x={x + barWidth / 2} y={height - margin.bottom + 16} textAnchor="middle" fontSize="11" fill="#111827">
                {bar.label.length > 6 ? `${bar.label.slice(0, 6)}…` : bar.label}
              </text>
            </g>
          );
        })}
        <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} stroke="#111827" strokeWidth="1" />
        <g transform={`translate(${margin.left}, ${height + 8})`} fontSize="12" fill="#111827">
          <rect width="14" height="14" fill="#1f2937" />
          <text x="20" y="12">
            {seriesLabels[0]}
          </text>
          <rect x="80" width="14" height="14" fill={`url(#${pattern})`} stroke="#7f1d1d" strokeWidth="1" />
          <text x="100" y="12">
            {seriesLabels[1]}
          </text>
        </g>
      </svg>
      {caption ? <figcaption className="mt-1 text-sm text-gray-700">{caption}</figcaption> : null}
    </figure>
  );
}
