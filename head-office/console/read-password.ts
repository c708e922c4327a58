// A password for an administration command, from stdin: piped (`printf '%s\n' "$PW" | …`), the
// first line; typed at a terminal, read without echo. Never from argv, which shell history and
// `ps` keep.
import type { ReadStream } from 'node:tty';

export async function readPassword(input: NodeJS.ReadableStream | ReadStream, prompt: NodeJS.WritableStream, question: string): Promise<string> {
  const tty = input as ReadStream;
  if (tty.isTTY && typeof tty.setRawMode === 'function') return readFromTerminal(tty, prompt, question);
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function readFromTerminal(tty: ReadStream, prompt: NodeJS.WritableStream, question: string): Promise<string> {
  prompt.write(question);
  tty.setRawMode(true);
  tty.resume();
  tty.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (err: Error | null) => {
      tty.setRawMode(false);
      tty.pause();
      tty.off('data', onData);
      prompt.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    tty.on('data', onData);
  });
}
