// A vendor's address as a counter may be given it: http or https only, and never with a user name
// or password inside (credentials belong in the sealed fields, not in a URL that gets logged).
import { z } from 'zod';

export const endpointUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
});
