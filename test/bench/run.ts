// `npm run bench`: every speed figure of the project, printed. Targets live here, not in unit tests.
import { benchQuote } from './quote.bench';
import { benchReceipt } from './receipt.bench';
import { benchSts } from './sts.bench';

async function main() {
  console.log('== STS engine');
  await benchSts();
  console.log('== Quote');
  await benchQuote();
  console.log('== Receipt');
  await benchReceipt();
}

void main();
