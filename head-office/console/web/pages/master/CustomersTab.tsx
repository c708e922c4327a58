import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterCustomer } from '../../../master-wire';
import { deleteRecord, listPage, type Listed } from '../../actions/master-data';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useMaster } from './context';
import { CustomerDialog } from './CustomerDialog';
import { DeleteDialog } from './DeleteDialog';
import { PagedFoot } from '../../components/PagedFoot';

interface Results {
  q: string;
  rows: Listed<MasterCustomer>[];
  next: string | null;
}

/** The customers: search by key, name or phone; create, edit, delete (refused while a meter names the customer). */
export function CustomersTab() {
  const { t } = useTranslation();
  const { canEdit } = useMaster();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<MasterCustomer | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const run = async (more: boolean, text = more && results ? results.q : q) => {
    setBusy(true);
    setError(null);
    try {
      const page = await listPage<MasterCustomer>('customers', { q: text || undefined }, more && results ? results.next : null);
      setResults({ q: text, rows: more && results ? [...results.rows, ...page.records] : page.records, next: page.next });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void run(false, '');
  }, []);

  return (
    <div className="master-tab" data-testid="customers-tab">
      <div className="tab-head">
        <p className="muted">{t('masterData.customers.intro')}</p>
        {canEdit && <button type="button" className="btn btn-primary btn-small" data-testid="new-customer" onClick={() => { setNotice(null); setEditing('new'); }}>{t('masterData.customers.create')}</button>}
      </div>
      <form className="panel search-form" onSubmit={(e) => { e.preventDefault(); void run(false); }}>
        <Field id="c-q" label={t('masterData.customers.search')}>
          <input id="c-q" className="input" maxLength={64} value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <div className="search-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="customers-search-submit">{t('masterData.search')}</button>
          <button type="button" className="btn" disabled={busy} onClick={() => { setQ(''); void run(false, ''); }}>{t('masterData.clear')}</button>
        </div>
      </form>
      {notice && <p className="notice" role="status" data-testid="notice">{notice}</p>}
      <ErrorText error={error} />
      {results && results.rows.length === 0 && <p className="panel muted">{t('masterData.customers.empty')}</p>}
      {results && results.rows.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="customers-table">
              <thead>
                <tr>
                  <th>{t('masterData.customers.key')}</th><th>{t('masterData.customers.nameAr')}</th><th>{t('masterData.customers.nameLatin')}</th>
                  <th>{t('masterData.customers.phone')}</th><th>{t('masterData.customers.address')}</th>{canEdit && <th>{t('masterData.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {results.rows.map(({ key, data: c }) => (
                  <tr key={key} data-testid="customer-row" data-customer={key}>
                    <td><bdi className="mono" dir="ltr">{c.key}</bdi></td>
                    <td><bdi lang="ar">{c.nameAr}</bdi></td>
                    <td><bdi lang="en">{c.nameLatin ?? t('common.none')}</bdi></td>
                    <td><bdi dir="ltr">{c.phone ?? t('common.none')}</bdi></td>
                    <td><bdi>{c.address ?? t('common.none')}</bdi></td>
                    {canEdit && (
                      <td className="row-actions">
                        <button type="button" className="btn btn-small" data-testid="customer-edit" onClick={() => { setNotice(null); setEditing(c); }}>{t('masterData.edit')}</button>
                        <button type="button" className="btn btn-small btn-danger-outline" data-testid="customer-delete" onClick={() => setDeleting(c.key)}>{t('masterData.delete')}</button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PagedFoot testId="customers" shown={t('masterData.shown', { count: results.rows.length })} hasMore={!!results.next} busy={busy} onMore={() => void run(true)} moreLabel={t('masterData.more')} endLabel={t('masterData.end')} />
        </>
      )}
      {editing !== null && (
        <CustomerDialog customer={editing === 'new' ? null : editing} onClose={(saved) => {
          setEditing(null);
          if (saved) {
            setNotice(t('masterData.customers.saved', { key: saved }));
            void run(false, results?.q ?? '');
          }
        }} />
      )}
      <DeleteDialog open={deleting !== null} title={t('masterData.customers.deleteTitle', { key: deleting ?? '' })} body={t('masterData.customers.deleteBody')}
        run={() => deleteRecord('customers', deleting!)}
        onClose={(done) => {
          if (done) setNotice(t('masterData.customers.deletedNotice', { key: deleting }));
          setDeleting(null);
          if (done) void run(false, results?.q ?? '');
        }} />
    </div>
  );
}
