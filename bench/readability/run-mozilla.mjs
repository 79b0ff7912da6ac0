// Mozilla Readability (with jsdom) on the pages listed in PAGES_TSV: writes OUT_DIR/<index>.txt and OUT_DIR/timing.json.
// Timed per page (wall clock and the process's CPU time): parsing the bytes (jsdom sniffs the charset), Readability.parse(), and turning its HTML into text.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const [tsv, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const quiet = new VirtualConsole(); // pages' script and CSS errors are not ours to print
const blockEnd = /<\/(p|div|h[1-6]|li|tr|blockquote|pre|section|article|figure|figcaption|table|ul|ol|dd|dt)>|<br\s*\/?>/gi;
let seconds = 0, cpuSeconds = 0, pages = 0, failures = 0;
for (const line of readFileSync(tsv, 'utf8').split('\n')) {
  if (!line) continue;
  const [index, id, path] = line.split('\t');
  const bytes = gunzipSync(readFileSync(path));
  let url = 'https://example.org/';
  try { url = new URL(id).href; } catch { /* ids that are not URLs */ }
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let text = '';
  try {
    const dom = new JSDOM(bytes, { url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    if (article?.content) {
      // Paragraph breaks as newlines, so that words of adjacent blocks do not run together.
      const box = dom.window.document.createElement('div');
      box.innerHTML = article.content.replace(blockEnd, '$&\n');
      text = box.textContent ?? '';
    }
    dom.window.close();
  } catch {
    failures++;
  }
  seconds += Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  cpuSeconds += (cpu.user + cpu.system) / 1e6;
  writeFileSync(`${outDir}/${index}.txt`, text);
  pages++;
}
writeFileSync(`${outDir}/timing.json`, JSON.stringify({ pages, seconds, cpuSeconds, failures }));
