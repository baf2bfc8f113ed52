import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLATFORM_IDS } from '@sharekit/canonical-url';
import { APP_IDS } from '@sharekit/deep-link';
import { describe, expect, it } from 'vitest';

/**
 * The real-input corpora of URLs and app links (top-level `corpora/`, issue 10) are data that `pnpm eval`
 * scores the readers against. These tests keep their entries well-formed: a wrong platform id, a missing
 * source or an id that the input does not show would silently skew every figure the eval prints.
 */
const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Source {
  readonly repo?: string;
  readonly path?: string;
  readonly commit?: string;
  readonly url?: string;
}

interface Entry {
  readonly input: string;
  readonly app?: string | null;
  readonly platform: string | null;
  readonly kind: string | null;
  readonly id: string | null;
  readonly form?: readonly string[];
  readonly source: Source;
  readonly date: string | null;
  readonly era?: string | null;
  readonly note?: string;
}

function load(name: string): Entry[] | null {
  const path = resolvePath(root, 'corpora', name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Entry[]) : null;
}

/** The input, once and twice percent-decoded (an id inside an encoded wrapper is still shown). */
function readings(input: string): string[] {
  const out = [input];
  let current = input;
  for (let i = 0; i < 2; i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      break;
    }
    out.push(current);
  }
  return out;
}

const platforms = new Set<string>(PLATFORM_IDS);
const apps = new Set<string>(APP_IDS);

for (const [name, isAppLinks] of [
  ['urls.json', false],
  ['app-links.json', true],
] as const) {
  const entries = load(name);
  describe.skipIf(entries === null)(`the ${name} corpus`, () => {
    const list = entries ?? [];

    it('is a non-empty list of entries with a non-empty input each', () => {
      expect(list.length).toBeGreaterThan(0);
      for (const e of list) expect(typeof e.input === 'string' && e.input.trim() !== '', e.input).toBe(true);
    });

    it('holds no input twice', () => {
      const seen = new Set<string>();
      const twice: Entry[] = [];
      for (const e of list) {
        if (seen.has(e.input)) twice.push(e);
        seen.add(e.input);
      }
      expect(twice.map((e) => e.input)).toEqual([]);
    });

    it("names only the registry's platform ids, or none", () => {
      const unknown = list.filter((e) => e.platform !== null && !platforms.has(e.platform));
      expect(unknown.map((e) => `${e.platform}: ${e.input}`)).toEqual([]);
    });

    if (isAppLinks) {
      it("names only the deep-link table's app ids, or none", () => {
        const unknown = list.filter((e) => e.app !== null && !apps.has(String(e.app)));
        expect(unknown.map((e) => `${e.app}: ${e.input}`)).toEqual([]);
      });
    }

    it('gives a kind to every entry of a platform and no kind or id to an entry of none', () => {
      const bad = list.filter((e) =>
        e.platform === null ? !isAppLinks && (e.kind !== null || e.id !== null) : e.kind === null,
      );
      expect(bad.map((e) => e.input)).toEqual([]);
    });

    it('gives an id only where the input shows it (as written or percent-encoded)', () => {
      const unseen = list.filter(
        (e) => e.id !== null && !readings(e.input).some((r) => r.includes(String(e.id))),
      );
      expect(unseen.map((e) => `${e.id}: ${e.input}`)).toEqual([]);
    });

    it('cites a repository file at a full commit, or the address of a public thread or page, for every entry', () => {
      const uncited = list.filter((e) => {
        const s = e.source;
        if (s.url !== undefined) return !/^https?:\/\/\S+$/.test(s.url);
        return !(
          /^[\w.-]+\/[\w.-]+$/.test(s.repo ?? '') &&
          (s.path ?? '') !== '' &&
          /^[0-9a-f]{40}$/.test(s.commit ?? '')
        );
      });
      expect(uncited.map((e) => e.input)).toEqual([]);
    });

    it('dates entries with an ISO day (or a bound) whose year is the era', () => {
      const bad = list.filter((e) => {
        if (e.date === null) return false;
        const m = /^(?:<= )?(\d{4})-\d{2}-\d{2}$/.exec(e.date);
        return m === null || (e.era != null && e.era !== m[1]);
      });
      expect(bad.map((e) => `${e.date}: ${e.input}`)).toEqual([]);
    });
  });
}
