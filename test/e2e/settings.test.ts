import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { useWebSession } from './session';
import { ledgerCli } from '../helpers/run';

const session = useWebSession('settings', async (db) => {
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
});
const { db } = session;

describe('设置', () => {
  it('keeps the names printed on exports and the masking choice, and refuses a malformed code', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/settings`);
    await expect.poll(() => page.getByLabel('乡镇名称').inputValue()).toBe('上坝镇');
    await page.getByLabel('填报人').fill('李文书');
    await page.getByLabel('审核人').fill('王主任');
    await page.getByRole('switch').click();
    await page.getByLabel('统计用区划代码').fill('62090210');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').textContent()).toContain('应为 9 位数字');
    await page.getByLabel('统计用区划代码').fill('620902104');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('设置已保存');

    const stored = JSON.parse(ledgerCli(['--db', db, 'call', 'settings.all', '{}', '--json']).stdout);
    expect(stored.signatories).toEqual({ filledBy: '李文书', checkedBy: '王主任' });
    expect(stored.maskIdNumbers).toBe(true);
    expect(stored.township).toMatchObject({ name: '上坝镇', code: '620902104' });

    await page.reload();
    await expect.poll(() => page.getByLabel('填报人').inputValue()).toBe('李文书');
    expect(await page.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });
});
