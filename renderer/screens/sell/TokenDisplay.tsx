import { groupToken } from '../../lib/token';

/** The STS token: Latin digits in groups of four, always left-to-right, readable across a counter. */
export function TokenDisplay({ token, testId = 'sale-token' }: { token: string; testId?: string }) {
  const grouped = groupToken(token);
  return (
    <output className="token" dir="ltr" lang="en" translate="no" data-testid={testId} aria-label={grouped}>
      {grouped}
    </output>
  );
}
