/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** Signs in through the form and waits for the home page's greeting. */
export async function signIn(page: Page, url: string, person: { email: string; password: string }, displayName: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${displayName}` }).waitFor();
}

/** Uses the search box in the site header, as a person would from any page. */
export async function searchFromHeader(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search ART Commons' }).fill(text);
  await page.getByRole('searchbox', { name: 'Search ART Commons' }).press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
}
