import { useEffect } from 'react';
import { useShift } from '../../stores/shift';
import { loadShift } from '../../actions/shiftLoad';
import { SellScreen } from '../sell/SellScreen';
import { OpenShiftPanel } from './OpenShiftPanel';

/** The sell screen, behind the open-shift panel when the counter requires a shift and none is open
 *  (or a sale was refused with SHIFT_REQUIRED). The sale being typed is kept meanwhile. */
export function SellWithShift() {
  const loaded = useShift((s) => s.loaded);
  const ask = useShift((s) => s.current === null && (s.needed || (s.loaded && s.requireShift)));
  useEffect(() => void loadShift(), []);
  if (!loaded) return null;
  return ask ? <OpenShiftPanel /> : <SellScreen />;
}
