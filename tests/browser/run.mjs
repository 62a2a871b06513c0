// End-to-end tests of a built dossier site in a real browser: Debian's
// Chromium driven by playwright-core (which downloads nothing), plus an
// axe-core accessibility check. Usage: node run.mjs SITE_DIR [ARTIFACT_DIR]
//
// Serves SITE_DIR on 127.0.0.1 (a random free port), visits each page type,
// follows the reader's paths, saves screenshots, and prints
// "N passed, M failed" last.

import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile, mkdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const site = path.resolve(process.argv[2] || "../../site");
const artifacts = path.resolve(process.argv[3] || "../../target/browser-artifacts");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".ics": "text/calendar" };
const server = createServer(async (req, res) => {
  try {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(site, p);
    if (!file.startsWith(site)) throw new Error("outside");
    if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/html" });
    res.end(await readFile(path.join(site, "404.html")).catch(() => "not found"));
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;
await mkdir(artifacts, { recursive: true });

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

let passed = 0, failed = 0;
const consoleErrors = [];

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function test(name, fn) {
  const page = await newPage();
  try {
    await fn(page);
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e.stack || e).split("\n").slice(0, 3).join("\n     ")}`);
    await page.screenshot({ path: path.join(artifacts, `failure-${name.replace(/\W+/g, "-")}.png`) }).catch(() => {});
  } finally {
    await page.context().close();
  }
}

function assert(cond, msg) { if (!cond) throw new Error(msg); }

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });
}

async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert(bad.length === 0, `${label}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("; ")}`);
}

await test("reader path: index -> article -> entity -> mentioning sentence", async (page) => {
  await page.goto(base);
  await shot(page, "index");
  await page.click(".article-card h2 a");
  await page.waitForSelector("article .article-body");
  await shot(page, "article");
  const entityLink = page.locator(".article-body a.m").first();
  const name = (await entityLink.textContent()).trim();
  await entityLink.click();
  await page.waitForSelector(".entity-header h1");
  await shot(page, "entity");
  const mentions = await page.locator(".mentions li").count();
  assert(mentions > 0, "entity page lists mentioning sentences");
  const marked = await page.locator(".mentions mark").first().textContent();
  assert(marked.length > 0, `the mention (${name}) is highlighted`);
  await page.locator(".mentions a.mention").first().click();
  await page.waitForLoadState("load");
  assert(/#s-\d+$/.test(page.url()), `lands on a sentence anchor: ${page.url()}`);
  const target = await page.evaluate(() => {
    const t = document.querySelector(":target");
    return t ? [t.className, getComputedStyle(t).backgroundColor] : null;
  });
  assert(target && target[0].includes("s"), "the sentence is the :target");
  assert(target[1] !== "rgba(0, 0, 0, 0)", "and it is highlighted");
  await shot(page, "article-sentence");
});

await test("search by a spelling variant reaches the entity page", async (page) => {
  await page.goto(base + "search/?q=erdogan");
  await page.waitForSelector(".search-results li a");
  await shot(page, "search");
  await page.locator(".search-results li a").first().click();
  await page.waitForSelector("main h1");
  const h1 = await page.textContent("main h1");
  assert(/Erdoğan/.test(h1), `reached ${h1}`);
});

await test("'/' focuses the search box", async (page) => {
  await page.goto(base);
  await page.keyboard.press("/");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert(focused === "search-input", `focused ${focused}`);
});

await test("timeline filters by an entity", async (page) => {
  await page.goto(base + "timeline/");
  await shot(page, "timeline");
  const all = await page.locator(".timeline .event:visible").count();
  const value = await page.evaluate(() => {
    const opts = [...document.querySelectorAll("#tf-entity option")].filter((o) => o.value);
    return opts.length ? opts[0].value : null;
  });
  assert(value, "the filter lists entities");
  await page.selectOption("#tf-entity", value);
  const shown = await page.locator(".timeline .event:visible").count();
  assert(shown > 0 && shown < all, `filter shows a subset (${shown} of ${all})`);
  const wrong = await page.evaluate((v) => [...document.querySelectorAll(".timeline .event")].filter((li) => !li.hidden && !(" " + li.dataset.entities + " ").includes(" " + v + " ")).length, value);
  assert(wrong === 0, "every shown event mentions the entity");
});

await test("dark mode toggles", async (page) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(base);
  const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.click(".theme-toggle");
  const after = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert(before !== after, `background changed (${before} -> ${after})`);
  await shot(page, "index-dark");
  await page.reload();
  const kept = await page.evaluate(() => document.documentElement.dataset.theme);
  assert(kept === "dark", "the choice is remembered");
});

await test("keyboard focus opens a preview", async (page) => {
  await page.goto(base);
  await page.click(".article-card h2 a");
  await page.waitForSelector(".article-body a.m");
  // site.js is deferred: the link can exist before its focus listener does,
  // and a focus then opens nothing (the flaky failure seen under load)
  await page.waitForLoadState("load");
  // tab from the start of the body to its first entity link
  await page.focus(".article-body a.m");
  await page.waitForSelector(".preview:not([hidden])", { timeout: 15000 });
  const text = await page.textContent(".preview strong");
  assert(text.length > 0, "preview shows a title");
  await shot(page, "preview");
  await page.keyboard.press("Escape");
  assert(await page.locator(".preview").isHidden(), "Escape closes it");
});

await test("graph page draws", async (page) => {
  await page.goto(base + "graph/");
  await page.waitForTimeout(500);
  await shot(page, "graph");
  const painted = await page.evaluate(() => {
    const c = document.getElementById("graph-canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
    return false;
  });
  assert(painted, "the canvas is drawn");
});

await test("404 page offers search", async (page) => {
  const r = await page.goto(base + "no/such/page/");
  assert(r.status() === 404, "status 404");
  assert(await page.locator("main input[type=search]").count() === 1, "has a search box");
});

for (const [label, url] of [["index", ""], ["article", null], ["entity", null], ["timeline", "timeline/"], ["entities", "entities/"], ["search", "search/?q=turkey"]]) {
  await test(`accessibility: ${label}`, async (page) => {
    if (url !== null) {
      await page.goto(base + url);
    } else {
      await page.goto(base);
      await page.click(".article-card h2 a");
      if (label === "entity") await page.locator(".article-body a.m").first().click();
    }
    await page.waitForLoadState("load");
    await axe(page, label);
  });
}

await test("no console errors on any page visited", async () => {
  // the 404 test asks for a missing page on purpose
  const real = consoleErrors.filter((e) => !e.includes("/no/such/page/"));
  assert(real.length === 0, real.join("\n"));
});

await browser.close();
server.close();
console.log(`screenshots in ${artifacts}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
