import { useMeters } from '../../stores/meters';
import { MeterSearch } from './MeterSearch';
import { MeterHeader } from './MeterHeader';
import { StatusCard } from './StatusCard';
import { BalanceCard } from './BalanceCard';
import { ReadingsCard } from './ReadingsCard';
import { CommandsCard } from './CommandsCard';
import { MaintenanceCard } from './MaintenanceCard';
import { ConfirmCommandDialog } from './ConfirmCommandDialog';
import { CreditCard } from './CreditCard';
import { LeaseCard } from './LeaseCard';
import { CloudAccountCard } from './CloudAccountCard';
import { CreditDialog } from './CreditDialog';
import { useCommandPolling } from './useCommandPolling';
import { HeadOfficeNote } from '../../components/HeadOfficeNote';
import '../../styles/meters.css';

/** The supervisor's meter page: find a meter, see it live through its cloud, command it. */
export function MetersScreen() {
  const meter = useMeters((s) => s.meter);
  useCommandPolling();
  return (
    <main className="meters">
      <HeadOfficeNote />
      <MeterSearch />
      {meter && (
        <div className="meters-panel" data-testid="meters-panel" data-kind={meter.kind}>
          <MeterHeader meter={meter} />
          <div className="meters-cols">
            <div className="meters-col">
              <StatusCard />
              <BalanceCard />
              <CreditCard />
              <CloudAccountCard />
              <ReadingsCard />
            </div>
            <div className="meters-col">
              <CommandsCard />
              <MaintenanceCard />
              <LeaseCard />
            </div>
          </div>
        </div>
      )}
      <ConfirmCommandDialog />
      <CreditDialog />
    </main>
  );
}
