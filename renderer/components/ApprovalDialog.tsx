import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApproval } from '../stores/approval';
import { cancelApproval, grantApproval } from '../actions/approvalGrant';
import { normalizeDigits } from '../lib/money';
import { useFormat } from '../hooks/useFormat';
import { ErrorMessage } from './ErrorMessage';
import { ModalActions, ModalDialog, ModalTitle } from './ModalDialog';
import { PinKeypad } from '../screens/login/PinKeypad';
import '../styles/day.css';

/** A supervisor approves a restricted action at the cashier's till: username + PIN (keypad for touch). */
export function ApprovalDialog() {
  const { t } = useTranslation();
  const f = useFormat();
  const { request, busy, error } = useApproval();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const open = request !== null;

  useEffect(() => {
    if (error) setPin('');
  }, [error]);

  const digits = (v: string) => setPin(normalizeDigits(v).replace(/\D/g, '').slice(0, 12));
  const submit = () => {
    if (username.trim() && /^\d{4,12}$/.test(pin)) void grantApproval(username, pin);
  };
  return (
    <ModalDialog open={open} prefix="day-dialog" testId="approval-dialog" titleId="approval-title" noValidate
      onOpen={() => { setUsername(''); setPin(''); }} onCancel={() => { if (!busy) cancelApproval(); }} onSubmit={submit}>
      {request && (
        <>
          <ModalTitle prefix="day-dialog" id="approval-title">{t('approval.title')}</ModalTitle>
          <p className="day-dialog-what">
            {t(`approval.actions.${request.action}`)}
            {request.subject && request.action === 'reprint' && <span className="muted"> · {t('approval.subjectSale')}</span>}
          </p>
          <p className="muted">{f.text(request.reason)}</p>
          <label className="field">
            <span className="field-label">{t('approval.username')}</span>
            <input className="input" data-testid="approval-username" autoComplete="off" autoCapitalize="off" spellCheck={false} autoFocus
              value={username} onChange={(e) => setUsername(e.target.value)} disabled={busy} />
          </label>
          <label className="field">
            <span className="field-label">{t('approval.pin')}</span>
            <input className="input input-pin" data-testid="approval-pin" type="password" inputMode="numeric" dir="ltr" autoComplete="off"
              value={pin} onChange={(e) => digits(e.target.value)} disabled={busy} />
          </label>
          <PinKeypad onDigit={(d) => digits(pin + d)} onBackspace={() => setPin(pin.slice(0, -1))} onClear={() => setPin('')} />
          <ErrorMessage message={error} />
          <ModalActions prefix="day-dialog" cancelLabel={t('approval.cancel')} cancelTestId="approval-cancel" busy={busy} onCancel={cancelApproval}>
            <button type="submit" className="btn btn-primary" data-testid="approval-submit" disabled={busy || !username.trim() || pin.length < 4} aria-busy={busy}>
              {busy ? t('approval.checking') : t('approval.submit')} <kbd dir="ltr">Enter</kbd>
            </button>
          </ModalActions>
        </>
      )}
    </ModalDialog>
  );
}
