import { readFileSync } from 'node:fs';
import { CONTENT_KINDS, PLATFORM_IDS } from '@sharekit/resolver';
import { describe, expect, it } from 'vitest';
import {
  defaultLang,
  KIND_NAMES,
  kindName,
  LANG_TAGS,
  MESSAGES,
  PLATFORM_NAMES,
  platformName,
  t,
} from './i18n.js';

const LANGS = ['zh', 'en'] as const;
// regex-safe: a literal brace, a bounded word run, a literal brace
const SLOT = /\{(\w{1,20})\}/g;

describe('string tables', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });

  it('have no empty string in either language', () => {
    for (const lang of LANGS) {
      for (const [key, value] of Object.entries(MESSAGES[lang])) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('use the same slots in both languages for every key', () => {
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      const slots = (lang: 'zh' | 'en') => [...MESSAGES[lang][key].matchAll(SLOT)].map((m) => m[1]).sort();
      expect(slots('zh'), key).toEqual(slots('en'));
    }
  });

  it('write the Chinese interface in Chinese: every Chinese string but names and samples has a Han character', () => {
    // switchLang names the other language in that language (English), shown with its own lang attribute.
    const sameInBoth = new Set(['appName', 'readPlaceholder', 'switchLang']);
    for (const [key, value] of Object.entries(MESSAGES.zh)) {
      if (sameInBoth.has(key)) continue;
      expect(/\p{Script=Han}/u.test(value), key).toBe(true);
    }
  });

  it('name every platform of canonical-url in both languages', () => {
    for (const id of PLATFORM_IDS) {
      expect(PLATFORM_NAMES[id]?.zh, id).toBeTruthy();
      expect(PLATFORM_NAMES[id]?.en, id).toBeTruthy();
    }
  });

  it('name every content kind in both languages', () => {
    for (const kind of CONTENT_KINDS) {
      expect(KIND_NAMES[kind]?.zh).toBeTruthy();
      expect(KIND_NAMES[kind]?.en).toBeTruthy();
    }
  });

  it('give each interface language a BCP 47 tag for the lang attribute', () => {
    expect(LANG_TAGS).toEqual({ zh: 'zh-CN', en: 'en' });
  });
});

describe('t', () => {
  it('fills the slots of a message', () => {
    expect(t('zh', 'statusFound', { n: 2 })).toBe('找到 2 个目标。');
    expect(t('en', 'imageFrom', { name: 'a.png', w: 10, h: 20 })).toBe('Image: a.png (10×20)');
  });

  it('leaves a slot visible when no value is given for it', () => {
    expect(t('en', 'statusFound')).toBe('Found {n} target(s).');
  });

  it('does not read a value as a template', () => {
    expect(t('en', 'copyNamed', { name: '{n}' })).toBe('Copy {n}');
  });
});

describe('defaultLang', () => {
  it('picks Chinese for any Chinese tag the browser prefers first', () => {
    expect(defaultLang(['zh-CN'])).toBe('zh');
    expect(defaultLang(['zh-TW', 'en'])).toBe('zh');
    expect(defaultLang(['zh-Hant-HK'])).toBe('zh');
  });

  it('picks English when English comes before Chinese', () => {
    expect(defaultLang(['en-US', 'zh-CN'])).toBe('en');
  });

  it('skips languages the page does not have and falls back to English', () => {
    expect(defaultLang(['fr-FR', 'zh'])).toBe('zh');
    expect(defaultLang(['fr-FR', 'de'])).toBe('en');
    expect(defaultLang([])).toBe('en');
  });
});

describe('platformName and kindName', () => {
  it('show names people know, in the interface language', () => {
    expect(platformName('jd', 'zh')).toBe('京东');
    expect(platformName('xiaohongshu', 'en')).toBe('Xiaohongshu');
    expect(kindName('item', 'zh')).toBe('商品');
  });

  it('say so when there is no platform, and show an unknown id as it is', () => {
    expect(platformName(null, 'en')).toBe('No known platform');
    expect(platformName('newplatform', 'zh')).toBe('newplatform');
    expect(kindName(null, 'en')).toBe('');
  });
});

describe('the page skeleton (index.html)', () => {
  const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  // regex-safe: a fixed attribute name, then a bounded run of key characters between quotes
  const keys = [...html.matchAll(/data-i18n(?:-label|-placeholder)?="([\w-]{1,60})"/g)].map(
    (m) => m[1] as string,
  );

  it('names only keys that both string tables have', () => {
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(Object.keys(MESSAGES.en), key).toContain(key);
  });

  it('carries the English text of each key, so the page reads right before its script runs', () => {
    const marker = 'data-i18n="';
    let checked = 0;
    for (let at = html.indexOf(marker); at >= 0; at = html.indexOf(marker, at + 1)) {
      const key = html.slice(
        at + marker.length,
        html.indexOf('"', at + marker.length),
      ) as keyof typeof MESSAGES.en;
      const open = html.indexOf('>', at);
      const text = html.slice(open + 1, html.indexOf('<', open));
      expect(text, key).toBe(MESSAGES.en[key]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('starts in English with a matching lang attribute', () => {
    expect(html).toMatch(/<html lang="en">/);
  });
});
