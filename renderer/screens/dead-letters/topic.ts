// An outbox topic in plain words: the i18n key (under deadLetters.topics) and its parameters.
const COMMANDS = [
  'disconnect', 'reconnect', 'reduce_amperage', 'increase_amperage', 'turn_on', 'turn_off',
  // Shahn's own: payment mode, credit limit, tariff schedule.
  'set_prepaid_mode', 'set_postpaid_mode', 'set_credit_limit', 'set_tariff_schedule',
];

export function topicKey(topic: string): { key: string; values?: Record<string, string> } {
  switch (topic) {
    case 'headoffice.sale':
      return { key: 'deadLetters.topics.headofficeSale' };
    case 'acrel.recharge':
      return { key: 'deadLetters.topics.acrelRecharge' };
    case 'acrel.settle':
      return { key: 'deadLetters.topics.acrelSettle' };
    case 'sts.verify':
      return { key: 'deadLetters.topics.stsVerify' };
    case 'acrel.command':
      return { key: 'deadLetters.topics.acrelCommand' };
    case 'metercmd.poll':
      return { key: 'deadLetters.topics.commandPoll' };
  }
  const kind = topic.startsWith('metercmd.') ? topic.slice('metercmd.'.length) : null;
  if (kind && COMMANDS.includes(kind)) return { key: `deadLetters.topics.command.${kind}` };
  if (kind) return { key: 'deadLetters.topics.commandOther', values: { kind: kind.replace(/_/g, ' ') } };
  return { key: 'deadLetters.topics.other', values: { topic } };
}

/** "CODE: English message" as the outbox stores a refusal. */
export function splitError(lastError: string | null): { code: string | null; text: string | null } {
  if (!lastError) return { code: null, text: null };
  const m = /^([A-Z0-9_]+): (.*)$/s.exec(lastError);
  return m ? { code: m[1]!, text: m[2]! } : { code: null, text: lastError };
}
