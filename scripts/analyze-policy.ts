/**
 * `npm run analyze-policy -- <file-or-url>`: prints the summary of one
 * privacy policy as JSON, from the same core/policy code the extension runs.
 *
 *   npm run analyze-policy -- tests/fixtures/policies/en_signal.md
 *   npm run analyze-policy -- page.html
 *   npm run analyze-policy -- https://example.com/privacy
 *
 * Exit status: 0 printed, 1 the input could not be read, 2 wrong usage.
 */
import { analysePolicy } from '../core/policy/analyse';
import { loadPolicyInput, PolicyInputError } from './lib/policyInput';

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    console.error('Usage: npm run analyze-policy -- <file.md|file.txt|file.html|https://…>');
    return 2;
  }
  try {
    const input = await loadPolicyInput(args[0]!);
    console.log(JSON.stringify(analysePolicy(input), null, 2));
    return 0;
  } catch (e) {
    if (e instanceof PolicyInputError) {
      console.error(`analyze-policy: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
