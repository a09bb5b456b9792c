import type { PrincipleScore } from '../../core/policy/scorecard';
import { useT } from '../i18n';
import { Quote } from './FactList';

/** The six principles, each with its verdict and the reasons for it. */
export function Scorecard({ scores }: { scores: PrincipleScore[] }) {
  const t = useT();
  return (
    <ol class="scorecard" data-testid="policy-scorecard" aria-label={t('scorecard.title')}>
      {scores.map((s) => (
        <li key={s.principle} class={`score score-${s.verdict}`} data-principle={s.principle} data-verdict={s.verdict}>
          <details>
            <summary>
              <span class="score-name">{t(`scorecard.principle.${s.principle}`)}</span>
              <span class={`score-verdict verdict-${s.verdict}`}>{t(`scorecard.verdict.${s.verdict}`)}</span>
            </summary>
            <ul class="score-evidence">
              {s.evidence.map((e, i) => (
                <li key={i} class={`evidence-${e.tone}`}>
                  {t(e.key, e.params)}
                  {e.quote && <Quote evidence={[e.quote]} t={t} />}
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
