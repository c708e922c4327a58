import { TextField, type TextFieldProps } from '../../components/TextField';

/** One labelled input of a vendor card. Addresses, keys and numbers are Latin: always left to right. */
export function VendorField({ emptyDir, ...p }: Omit<TextFieldProps, 'dir' | 'prose'> & { emptyDir?: 'ltr' | 'rtl' }) {
  // An empty box may take the screen's direction so its placeholder reads naturally.
  return <TextField {...p} dir={p.value === '' && emptyDir ? emptyDir : 'ltr'} />;
}
