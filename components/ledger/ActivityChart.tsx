import { useState } from 'preact/hooks';
import type { ActivityDay } from '../../core/ledger/activity';
import { formatDay, formatNumber } from '../format';
import { useT } from '../i18n';
import { Loading } from '../ui/Loading';
import { Card } from '../ui/Card';

export const ACTIVITY_RANGES = [30, 90, 365] as const;
export type ActivityRange = (typeof ACTIVITY_RANGES)[number];

interface ActivityChartProps {
  days: ActivityDay[] | undefined;
  range: ActivityRange;
  onRange: (range: ActivityRange) => void;
}

const STEP = 10;
const BAR = 7;
const ROW = 60;

/** One row of bars, scaled to its own largest day: requests run in thousands where events run in tens. */
function Bars({ days, value, y, tone }: { days: ActivityDay[]; value: (d: ActivityDay) => number; y: number; tone: string }) {
  const max = Math.max(1, ...days.map(value));
  return (
    <g class={`bars bars-${tone}`}>
      {days.map((d, i) => {
        const h = value(d) === 0 ? 0 : Math.max(2, (value(d) / max) * ROW);
        return <rect key={d.day} x={i * STEP} y={y + ROW - h} width={BAR} height={h} rx={1.5} />;
      })}
    </g>
  );
}

/** Events and third-party requests per day, drawn for the eye, summarised for screen readers, and readable as a table. */
export function ActivityChart({ days, range, onRange }: ActivityChartProps) {
  const t = useT();
  const [asTable, setAsTable] = useState(false);
  const active = (days ?? []).filter((d) => d.events > 0 || d.requests > 0);
  const events = active.reduce((s, d) => s + d.events, 0);
  const requests = active.reduce((s, d) => s + d.requests, 0);
  const busiest = active.reduce<ActivityDay | null>((best, d) => (!best || d.events + d.requests > best.events + best.requests ? d : best), null);
  const summary = busiest
    ? t('chart.summary', {
      days: range, events: formatNumber(events, t.locale), active: active.length, requests: formatNumber(requests, t.locale),
      busiest: formatDay(busiest.day, t.locale, true),
    })
    : t('chart.summary.none', { days: range });
  const width = (days?.length ?? range) * STEP;
  return (
    <Card title={t('chart.title')} icon="chart" testId="activity">
      <div class="chart-controls">
        <label class="select">
          <span>{t('chart.range')}</span>
          <select value={range} onInput={(e) => onRange(Number(e.currentTarget.value) as ActivityRange)}>
            {ACTIVITY_RANGES.map((r) => <option key={r} value={r}>{t('chart.range.days', { count: r })}</option>)}
          </select>
        </label>
        <button type="button" class="button link" aria-expanded={asTable} onClick={() => setAsTable(!asTable)}>
          {asTable ? t('chart.hideTable') : t('chart.showTable')}
        </button>
      </div>
      {days === undefined ? (
        <Loading />
      ) : (
        <>
          <svg class="activity-svg" role="img" aria-label={summary} viewBox={`0 0 ${width} ${ROW * 2 + 12}`} preserveAspectRatio="none" data-testid="activity-svg">
            <Bars days={days} value={(d) => d.requests} y={0} tone="requests" />
            <line class="chart-axis" x1={0} x2={width} y1={ROW + 6} y2={ROW + 6} />
            <Bars days={days} value={(d) => d.events} y={ROW + 12} tone="events" />
          </svg>
          <div class="chart-foot" aria-hidden="true">
            <span>{days[0] && formatDay(days[0].day, t.locale)}</span>
            <span class="legend"><i class="swatch swatch-requests" />{t('chart.requests')}</span>
            <span class="legend"><i class="swatch swatch-events" />{t('chart.events')}</span>
            <span>{days.at(-1) && formatDay(days.at(-1)!.day, t.locale)}</span>
          </div>
          <p class="muted small" aria-hidden="true">{summary}</p>
          {asTable && (
            active.length === 0 ? <p class="muted">{t('chart.summary.none', { days: range })}</p> : (
              <table class="table compact" data-testid="activity-table">
                <caption class="visually-hidden">{t('chart.tableCaption')}</caption>
                <thead><tr><th scope="col">{t('chart.day')}</th><th scope="col" class="num">{t('chart.events')}</th><th scope="col" class="num">{t('chart.requests')}</th></tr></thead>
                <tbody>
                  {active.map((d) => (
                    <tr key={d.day}><th scope="row">{formatDay(d.day, t.locale, true)}</th><td class="num">{formatNumber(d.events, t.locale)}</td><td class="num">{formatNumber(d.requests, t.locale)}</td></tr>
                  ))}
                </tbody>
              </table>
            )
          )}
        </>
      )}
    </Card>
  );
}
