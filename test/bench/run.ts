// `npm run bench`: every speed figure of the project, printed. Targets live here, not in unit tests.
import { benchQuote } from './quote.bench';
import { benchReceipt } from './receipt.bench';
import { benchSts } from './sts.bench';
import { benchCommit } from './commit.bench';
import { benchDrain } from './drain.bench';
import { benchImport } from './import.bench';

async function main() {
  console.log('== STS engine');
  await benchSts();
  console.log('== Quote');
  await benchQuote();
  console.log('== Receipt');
  await benchReceipt();
  console.log('== Sale commit (durability)');
  await benchCommit();
  console.log('== Outbox drain to the head office');
  await benchDrain();
  console.log('== Bulk import of customers and meters');
  await benchImport();
}

void main();
