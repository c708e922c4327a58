import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveStep } from '../../actions/setup';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import { SetupField, StepFrame } from './StepFrame';
import { useStepSave } from './useStepSave';

/** The counter's name (on receipts and shifts) and its number. */
export function CounterStep() {
  const { t } = useTranslation();
  const saved = useSetup((s) => s.status?.saved?.counter ?? null);
  const info = useSession((s) => s.info);
  const [name, setName] = useState(saved?.name ?? info?.counterName ?? '');
  const [number, setNumber] = useState(saved?.number ?? info?.counterNumber ?? '1');
  const { busy, error, bad, run } = useStepSave();
  return (
    <StepFrame title={t('setup.counter.title')} intro={t('setup.counter.intro')} error={error} busy={busy} onNext={() => void run(() => saveStep('setup.saveCounter', { name, number }))}>
      <SetupField id="setup-counter-name" label={t('setup.counter.name')} hint={t('setup.counter.nameHint')} autoFocus invalid={bad.includes('name')} value={name} onChange={setName} />
      <SetupField code id="setup-counter-number" label={t('setup.counter.number')} hint={t('setup.counter.numberHint')} dir="ltr" invalid={bad.includes('number')} value={number} onChange={setNumber} />
    </StepFrame>
  );
}
