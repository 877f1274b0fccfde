'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type StatusBar = { label: string; babysitting: number; summer: number; both: number; none: number };
export type EuroBar = { label: string; approved: number; submitted: number; all: number };
export type DaysBar = { label: string; median: number | null; p90: number | null };

// Contrast of at least 3:1 against white for every series (WCAG 1.4.11); the legend names them.
const COLORS = {
  babysitting: '#0059b3',
  summer: '#00704a',
  both: '#8a5300',
  none: '#6b6b6b',
  approved: '#00704a',
  submitted: '#0059b3',
  all: '#5c2d91',
  median: '#0059b3',
  p90: '#8a5300',
};
const euro = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const formatEuro = (v: unknown) => euro.format(Number(v));

/**
 * The charts repeat what the tables next to them say, so they are hidden from assistive technology
 * (the table is the accessible form) and carry no keyboard stops of their own.
 */
function ChartBox({ height = 280, children }: { height?: number; children: React.ReactElement }) {
  return (
    <div aria-hidden="true" style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

export function StatusChart({
  data,
  labels,
}: {
  data: StatusBar[];
  labels: Record<'babysitting' | 'summer' | 'both' | 'none', string>;
}) {
  return (
    <ChartBox>
      <BarChart data={data} accessibilityLayer={false} margin={{ left: 0, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" height={70} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend />
        {(['babysitting', 'summer', 'both', 'none'] as const).map((k) => (
          <Bar key={k} dataKey={k} name={labels[k]} stackId="m" fill={COLORS[k]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartBox>
  );
}

export function EuroChart({
  data,
  labels,
  layout = 'horizontal',
}: {
  data: EuroBar[];
  labels: Record<'approved' | 'submitted' | 'all', string>;
  layout?: 'horizontal' | 'vertical';
}) {
  const vertical = layout === 'vertical';
  return (
    <ChartBox height={vertical ? Math.max(200, 70 * data.length + 80) : 280}>
      <BarChart data={data} layout={layout} accessibilityLayer={false} margin={{ left: vertical ? 8 : 16, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {vertical ? (
          <>
            <XAxis type="number" tickFormatter={formatEuro} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12 }} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={formatEuro} width={80} tick={{ fontSize: 12 }} />
          </>
        )}
        <Tooltip formatter={formatEuro} />
        <Legend />
        {(['approved', 'submitted', 'all'] as const).map((k) => (
          <Bar key={k} dataKey={k} name={labels[k]} fill={COLORS[k]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartBox>
  );
}

const dayFormat = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });
const formatDays = (v: unknown) => `${dayFormat.format(Number(v))} giorni`;

/** Median and 90th percentile of the days each step took, side by side. */
export function DaysChart({ data, labels }: { data: DaysBar[]; labels: Record<'median' | 'p90', string> }) {
  return (
    <ChartBox>
      <BarChart data={data} accessibilityLayer={false} margin={{ left: 0, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis width={40} tickFormatter={(v: number) => dayFormat.format(v)} />
        <Tooltip formatter={formatDays} />
        <Legend />
        {(['median', 'p90'] as const).map((k) => (
          <Bar key={k} dataKey={k} name={labels[k]} fill={COLORS[k]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartBox>
  );
}
