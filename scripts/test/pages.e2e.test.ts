import { PLATFORM_START_MS } from '@platform/testkit';
import type { Browser, Page } from 'playwright-core';
import { startPlatform, type Platform } from '../src/embedded';
import { launchChromium, screenshotPath } from './browser';
import { gql, login, SEND } from './support';

// The pages a person opens, in headless Chromium against the embedded platform: everything they load comes from
// the router itself (the page would stay blank offline otherwise).
jest.setTimeout(60_000);

describe('pages in a browser', () => {
  let platform: Platform;
  let routerUrl: string;
  let browser: Browser;
  let admin: { token: string; id: string };
  let recipient: { token: string; id: string };

  beforeAll(async () => {
    platform = await startPlatform({
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ROUTER_PORT: '0', ADAPTER_PORT: '0' },
    });
    ({ routerUrl } = await platform.listen());
    browser = await launchChromium();
    admin = await login(routerUrl, 'admin', 'Admin123456');
    recipient = await login(routerUrl, 'tenantadmin', 'admin123');
  }, PLATFORM_START_MS);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** A fresh browser profile whose requests must all be answered by the router (anything else is recorded). */
  async function openPage(init?: Record<string, string>): Promise<{ page: Page; foreign: string[]; problems: string[] }> {
    const context = await browser.newContext();
    if (init) await context.addInitScript((items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v)), init);
    const page = await context.newPage();
    const foreign: string[] = [];
    const problems: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(routerUrl) && !req.url().startsWith(routerUrl.replace(/^http/, 'ws'))) foreign.push(req.url());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    return { page, foreign, problems };
  }

  const send = (to: string, title: string) =>
    gql(routerUrl, SEND, { i: { recipientId: to, title, body: `${title}: body`, category: 'system' } }, admin.token);

  /** Sends probes until one shows on the page: the page's subscription is then live end to end. */
  async function untilPageIsLive(page: Page, selector: string): Promise<void> {
    for (let i = 0; i < 40; i += 1) {
      const title = `probe ${i}`;
      await send(recipient.id, title);
      const shown = await page
        .locator(selector, { hasText: title })
        .first()
        .waitFor({ timeout: 500 })
        .then(() => true, () => false);
      if (shown) return;
    }
    await page.screenshot({ path: screenshotPath('probe-missing'), fullPage: true });
    throw new Error('the page never showed a probe (screenshot probe-missing.png)');
  }

  it('live page: signs in, shows a notice the moment it is sent, marks it read', async () => {
    const { page, foreign, problems } = await openPage();
    await page.goto(`${routerUrl}/live`);
    await page.fill('input[name=login]', 'tenantadmin');
    await page.fill('input[name=password]', 'admin123');
    await page.click('button[type=submit]');
    await page.locator('#status', { hasText: 'live' }).waitFor();
    await untilPageIsLive(page, '.notice .title');

    const sent = await send(recipient.id, 'Repayment received on C-1');
    expect(sent.errors).toBeUndefined();
    const notice = page.locator('.notice', { hasText: 'Repayment received on C-1' });
    await notice.waitFor({ timeout: 5_000 });
    await expect(notice.getAttribute('class')).resolves.toContain('unread');
    await page.screenshot({ path: screenshotPath('live-page-notice'), fullPage: true });

    await notice.locator('.mark-read').click();
    await page.locator('.notice.read', { hasText: 'Repayment received on C-1' }).waitFor();
    const stored = await gql<{ notification: { read: boolean } }>(
      routerUrl,
      'query($id: ID!) { notification(id: $id) { read } }',
      { id: (sent.data as { sendNotification: { id: string } }).sendNotification.id },
      recipient.token,
    );
    expect(stored.data?.notification.read).toBe(true);
    await page.screenshot({ path: screenshotPath('live-page-read'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('live page: a wrong password is shown and nothing is listed', async () => {
    const { page } = await openPage();
    await page.goto(`${routerUrl}/live`);
    await page.fill('input[name=login]', 'tenantadmin');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button[type=submit]');
    await page.locator('#error').filter({ hasText: /\S/ }).waitFor();
    expect(await page.locator('#notices').isHidden()).toBe(true);
  });

  const graphiqlInit = (query: string) => ({
    'graphiql:headers': JSON.stringify({ Authorization: `Bearer ${recipient.token}` }),
    'graphiql:query': query,
  });

  async function runInGraphiql(page: Page): Promise<void> {
    await page.locator('.graphiql-execute-button').click();
  }

  it('GraphiQL: served by the router, runs a query with the header from its editor', async () => {
    const { page, foreign, problems } = await openPage(graphiqlInit('query Me { me { username } }'));
    await page.goto(`${routerUrl}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await runInGraphiql(page);
    await page.locator('.result-window', { hasText: '"username": "tenantadmin"' }).waitFor();
    await page.screenshot({ path: screenshotPath('graphiql-query'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('GraphiQL: runs a subscription over graphql-ws and shows the notice sent', async () => {
    const { page, problems } = await openPage(graphiqlInit('subscription Live { notificationReceived { title } }'));
    await page.goto(`${routerUrl}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await runInGraphiql(page);
    await untilPageIsLive(page, '.result-window');
    await send(recipient.id, 'Seen in GraphiQL');
    await page.locator('.result-window', { hasText: 'Seen in GraphiQL' }).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: screenshotPath('graphiql-subscription'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
