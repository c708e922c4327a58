import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { useFormat } from '../../hooks/useFormat';
import { commandDetail } from './commandDetail';

/** The meter's last commands, newest first, with who asked and what became of them. */
export function CommandList() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useMeters((s) => s.commands.value);
  if (!list) return null;
  if (list.length === 0) return <p className="muted">{t('meters.commands.empty')}</p>;
  return (
    <table className="mtable" data-testid="meter-command-list">
      <caption className="mtable-caption">{t('meters.commands.recent')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meters.commands.time')}</th>
          <th scope="col">{t('meters.commands.action')}</th>
          <th scope="col">{t('meters.commands.status')}</th>
          <th scope="col">{t('meters.commands.by')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((c) => {
          const detail = commandDetail(c, t);
          return (
            <tr key={c.id} data-status={c.status}>
              <td><bdi>{f.dateTime(c.createdAt)}</bdi></td>
              <td>
                {t(`meters.kind.${c.kind}`)}
                {detail && (
                  <span className="muted cell-note">
                    <bdi>{detail}</bdi>
                  </span>
                )}
              </td>
              <td>
                <span className={`cmd-badge cmd-${c.status}`} title={c.error ? f.text(c.error.message) : undefined}>
                  {t(`meters.commandStatus.${c.status}`)}
                </span>
              </td>
              <td><bdi>{c.requestedBy}</bdi></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
