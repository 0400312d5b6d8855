import { chromium } from 'playwright-core';
const [url, out] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking'] });
const p = await b.newPage({ viewport: { width: 400, height: 1400 }, locale: 'zh-CN' });
await p.goto(url); await p.waitForTimeout(4000);
console.log((await p.locator('body').innerText()).slice(0, 1500));
await p.screenshot({ path: out, fullPage: false });
await b.close();
