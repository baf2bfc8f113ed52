import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogItems, parseCsv } from '../src/batch/catalog.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
    ]);
  });

  it('keeps a last record without a final newline and skips blank lines', () => {
    expect(parseCsv('a\n\nb')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('marks a record whose quote is never closed instead of swallowing the file silently', () => {
    const records = parseCsv('url\n"https://a.example,x\n');
    expect(records[1]?.error).toMatch(/never closed/);
  });

  it('round-trips any table of fields written with quotes (property)', () => {
    const field = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const text = rows.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')).join('\n');
          expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
        },
      ),
      { seed: 13, numRuns: 200 },
    );
  });
});

describe('catalogItems', () => {
  it('maps column names loosely, resolves image paths from the catalog directory, and names files by id', () => {
    const items = catalogItems(
      'ID,URL,Title,Original Price,photo,sizes\nsku-1,https://item.jd.com/1.html,耳机,299,img/a.jpg,moments|square\n',
      'csv',
      '/data/catalog.csv',
    );
    expect(items[0]).toMatchObject({
      index: 0,
      line: 2,
      id: 'sku-1',
      name: 'sku-1',
      row: {
        url: 'https://item.jd.com/1.html',
        title: '耳机',
        originalPrice: '299',
        image: '/data/img/a.jpg',
        sizes: ['moments', 'square'],
      },
    });
  });

  it('gives a row without a url, an unknown size, a repeated id or extra fields an error item in its place', () => {
    const items = catalogItems(
      [
        'id,url,sizes',
        'a,,',
        'b,https://item.jd.com/1.html,huge',
        'c,https://item.jd.com/2.html,',
        'c,https://item.jd.com/3.html,',
        'd,https://item.jd.com/4.html,moments,extra',
      ].join('\n'),
      'csv',
      'c.csv',
    );
    expect(items.map((i) => i.error?.code ?? 'ok')).toEqual([
      'invalid_row',
      'invalid_row',
      'ok',
      'duplicate_id',
      'invalid_row',
    ]);
  });

  it('names a row without a safe id row-<n>, never a path outside the output directory', () => {
    const items = catalogItems(
      [
        JSON.stringify({ url: 'https://item.jd.com/1.html', id: '../../etc/passwd' }),
        JSON.stringify({ url: 'https://item.jd.com/2.html' }),
      ].join('\n'),
      'jsonl',
      'c.jsonl',
    );
    expect(items.map((i) => i.name)).toEqual(['row-1', 'row-2']);
    expect(items[0]?.id).toBe('../../etc/passwd');
  });
});
