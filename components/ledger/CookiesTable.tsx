import type { CookieRecord } from '../../core/ledger/records';
import { formatDate } from '../format';
import { useT } from '../i18n';
import { Loading } from '../ui/Loading';
import { Card } from '../ui/Card';
import { cookiePurposeName, purposeWord } from './words';

/** The cookies set while on the site, refused-but-set ones first. */
export function CookiesTable({ cookies }: { cookies: CookieRecord[] | undefined }) {
  const t = useT();
  const rows = cookies && [...cookies].sort((a, b) => Number(b.violation !== null) - Number(a.violation !== null));
  return (
    <Card title={t('cookies.title')} icon="cookie" testId="cookies">
      {rows === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p class="muted">{t('cookies.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table compact">
            <caption class="visually-hidden">{t('cookies.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cookies.col.name')}</th>
                <th scope="col">{t('cookies.col.domain')}</th>
                <th scope="col">{t('cookies.col.party')}</th>
                <th scope="col">{t('cookies.col.lifetime')}</th>
                <th scope="col">{t('cookies.col.purpose')}</th>
                <th scope="col">{t('cookies.col.lastSet')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} class={c.violation ? 'row-warn' : undefined}>
                  <th scope="row">
                    <code>{c.name}</code>
                    {c.violation && <span class="tag tag-warn">{t('cookies.violation', { purpose: purposeWord(t, c.violation.purpose) })}</span>}
                  </th>
                  <td>{c.domain}</td>
                  <td>{c.firstParty ? t('cookies.firstParty') : t('cookies.thirdParty')}</td>
                  <td>{c.session ? t('cookies.session') : c.lifetimeDays === null ? t('cookies.persistent') : t('cookies.days', { count: c.lifetimeDays })}</td>
                  <td>{cookiePurposeName(t, c.purpose)}</td>
                  <td>{formatDate(c.lastSetAt, t.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
