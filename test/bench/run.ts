// `npm run bench`: every speed figure of the project, printed. Targets live here, not in unit tests.
import { benchQuote } from './quote.bench';
import { benchSts } from './sts.bench';

async function main() {
  console.log('== STS engine');
  await benchSts();
  console.log('== Quote');
  await benchQuote();
  try {
    const { benchReceipt } = (await import('./receipt.bench')) as { benchReceipt: () => Promise<void> };
    console.log('== Receipt');
    await benchReceipt();
  } catch (e) {
    console.log(`== Receipt: not measured (${(e as Error).message})`);
  }
}

void main();
