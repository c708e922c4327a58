import type { Bilingual } from '../../../preload/contract';
import { TextField, type TextFieldProps } from '../../components/TextField';
import { useSession } from '../../stores/session';

/**
 * One labelled input of a vendor card. Addresses, keys and numbers are Latin: always left to right.
 * A field main refused shows main's sentence about it in place of its hint (the other language as
 * the tooltip).
 */
export function VendorField({ emptyDir, error, ...p }: Omit<TextFieldProps, 'dir' | 'prose'> & { emptyDir?: 'ltr' | 'rtl'; error?: Bilingual }) {
  const lang = useSession((s) => s.lang);
  // An empty box may take the screen's direction so its placeholder reads naturally.
  const field = <TextField {...p} invalid={p.invalid || !!error} hint={error ? error[lang] : p.hint} dir={p.value === '' && emptyDir ? emptyDir : 'ltr'} />;
  if (!error) return field;
  return (
    <div className="vendor-field-error" title={lang === 'ar' ? error.en : error.ar}>
      {field}
    </div>
  );
}
