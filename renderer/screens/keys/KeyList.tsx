import { useTranslation } from 'react-i18next';
import { useKeys } from '../../stores/keys';
import { useFormat } from '../../hooks/useFormat';

const STATUS_CLASS = { active: 'status-issued', expired: 'status-unknown', retired: 'status-failed' } as const;

/** Every vending key: SGC, KRN, its certificate's attributes, its KCV, who loaded it and when, its state. */
export function KeyList() {
  const { t } = useTranslation();
  const f = useFormat();
  const keys = useKeys((s) => s.keys);
  const patch = useKeys((s) => s.patch);
  const loaded = useKeys((s) => s.loaded);
  if (loaded && keys.length === 0) return <p className="muted" data-testid="keys-empty">{t('keys.empty')}</p>;
  const dash = '—';
  return (
    <table className="table keys-table" data-testid="keys-list">
      <thead>
        <tr>
          <th>{t('keys.sgcKrn')}</th>
          <th>{t('keys.kcv')}</th>
          <th>{t('keys.attributes')}</th>
          <th>{t('keys.loaded')}</th>
          <th>{t('keys.state')}</th>
          <th><span className="visually-hidden">{t('keys.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k.id} data-testid="key-row" data-sgc={k.sgc} data-krn={k.krn} data-status={k.status} className={k.status === 'retired' ? 'is-inactive' : undefined}>
            <td><bdi dir="ltr" className="mono">{k.sgc} / {k.krn}</bdi></td>
            <td><bdi dir="ltr" className="mono key-kcv" data-testid="key-kcv">{k.kcv ?? dash}</bdi></td>
            <td>
              <div className="keys-attrs">
                <bdi dir="ltr" className="mono">
                  {k.keyType === null ? dash : `KT${k.keyType} · ${k.baseDate} · EA${k.ea} · DKGA${k.dkga}`}
                </bdi>
                <span className="muted">{k.expiresAt ? t('keys.expiresOn', { date: k.expiresAt }) : t('keys.noExpiry')}</span>
              </div>
            </td>
            <td>
              <bdi>{k.loadedBy ?? t('keys.loadedBySetup')}</bdi>
              <span className="muted"> · <bdi>{f.dateTime(k.loadedAt)}</bdi></span>
            </td>
            <td>
              <span className={`pill ${STATUS_CLASS[k.status]}`}>{t(`keys.status.${k.status}`)}</span>
              {k.retiredAt && <span className="muted"> · <bdi>{k.retiredBy ?? ''}</bdi> <bdi>{f.dateTime(k.retiredAt)}</bdi></span>}
            </td>
            <td>
              {k.status !== 'retired' && (
                <button type="button" className="btn btn-small" data-testid="key-retire" onClick={() => patch({ retiring: k })}>{t('keys.retire')}</button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
