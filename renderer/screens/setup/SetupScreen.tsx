import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupStep } from '../../../preload/contract';
import { LangSwitch } from '../../components/LangSwitch';
import { useSetup } from '../../stores/setup';
import { AdminStep } from './AdminStep';
import { CompanyStep } from './CompanyStep';
import { CounterStep } from './CounterStep';
import { CurrencyStep } from './CurrencyStep';
import { LanguageStep } from './LanguageStep';
import { PrinterStep } from './PrinterStep';
import { SetupProgress } from './SetupProgress';
import { TimeZoneStep } from './TimeZoneStep';
import { VendorsStep } from './VendorsStep';
import '../../styles/setup.css';

const STEP_SCREENS: Record<SetupStep, ComponentType> = {
  language: LanguageStep, counter: CounterStep, currency: CurrencyStep, timeZone: TimeZoneStep,
  company: CompanyStep, vendors: VendorsStep, printer: PrinterStep, admin: AdminStep,
};

/** The first run, shown instead of the login while the database holds no user. */
export function SetupScreen() {
  const { t } = useTranslation();
  const step = useSetup((s) => s.step);
  const Step = STEP_SCREENS[step];
  return (
    <main className="setup" data-testid="setup-screen">
      <header className="setup-head">
        <div>
          <h1 className="brand">{t('app.name')}</h1>
          <p className="setup-welcome">{t('setup.welcome')}</p>
        </div>
        <LangSwitch />
      </header>
      <SetupProgress />
      {/* A fresh form per step: Back shows what was saved, not a half-typed leftover. */}
      <Step key={step} />
    </main>
  );
}
