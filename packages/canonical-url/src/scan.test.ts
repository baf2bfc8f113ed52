import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScannedLink, scanLinks, scanShareLinks } from './scan.js';

const at = (start: number, url: string, host = '', repairs: string[] = []): ScannedLink =>
  ({ start, end: start + url.length, url, host, repairs }) as ScannedLink;
const known = (host: string) => host === 'm.tb.cn' || host.endsWith('taobao.com');

describe('scanLinks in free text', () => {
  it.each([
    [
      'a link ended by CJK punctuation',
      '看看 https://item.jd.com/1.html。',
      [at(3, 'https://item.jd.com/1.html', 'item.jd.com')],
    ],
    [
      'a link in 「」',
      '「https://v.douyin.com/RH7Gvmr/」',
      [at(1, 'https://v.douyin.com/RH7Gvmr/', 'v.douyin.com')],
    ],
    [
      'sentence punctuation after a link',
      'see https://a.example/x, ok',
      [at(4, 'https://a.example/x', 'a.example')],
    ],
    [
      'a parenthesis that belongs to the link',
      '(https://a.example/x_(y))',
      [at(1, 'https://a.example/x_(y)', 'a.example')],
    ],
    [
      'a bracket that belongs to the link',
      'https://a.example/x[1] ok',
      [at(0, 'https://a.example/x[1]', 'a.example')],
    ],
    [
      'an app scheme link',
      'open taobao://item.taobao.com/item.htm?id=1 now',
      [at(5, 'taobao://item.taobao.com/item.htm?id=1', 'item.taobao.com')],
    ],
    ['an unsafe scheme without //', 'x javascript:alert(1) y', [at(2, 'javascript:alert(1)')]],
    ['a scheme glued to text', '点击https://m.tb.cn/h.a', [at(2, 'https://m.tb.cn/h.a', 'm.tb.cn')]],
    [
      'a lookalike host, whole',
      'go https://tаobao.com/x',
      [at(3, 'https://tаobao.com/x', 'xn--tobao-4ve.com')],
    ],
    [
      'a wrapper whose query holds a whole link',
      'https://a.example/r?u=https://b.example/',
      [at(0, 'https://a.example/r?u=https://b.example/', 'a.example')],
    ],
    ['a private host without a dot', 'http://localhost/x', [at(0, 'http://localhost/x', 'localhost')]],
    ['no link', 'mailto:a@b.example and plain text 9.80', []],
  ])('finds %s', (_name, text, expected) => {
    expect(scanLinks(text)).toEqual(expected);
  });

  it('reads the target of a Markdown link', () => {
    expect(scanLinks('[点这里](data:text/html,x)')).toEqual([
      { start: 0, end: 23, url: 'data:text/html,x', host: '', repairs: ['markdown-link'] },
    ]);
  });

  it('keeps balanced parentheses inside a Markdown target and stops at the one that closes it', () => {
    const text = '[x](https://en.wikipedia.org/wiki/A_(b)) and [y](https://a.example/c_(d)e_(f))!';
    expect(scanLinks(text).map((hit) => hit.url)).toEqual([
      'https://en.wikipedia.org/wiki/A_(b)',
      'https://a.example/c_(d)e_(f)',
    ]);
    // Unclosed, the run is read as a bare link.
    expect(scanLinks('[x](https://a.example/c_(d)')[0]?.url).toBe('https://a.example/c_(d)');
  });
});

describe('scanShareLinks', () => {
  it.each([
    [
      'a link ended by a glued title',
      'https://m.tb.cn/h.abc看看',
      [at(0, 'https://m.tb.cn/h.abc', 'm.tb.cn')],
    ],
    [
      'two links glued together, each from its http(s)://',
      'xhttps://a.example/1http://b.example/2',
      [at(1, 'https://a.example/1', 'a.example'), at(20, 'http://b.example/2', 'b.example')],
    ],
    [
      'a scheme in capitals, written in lower case',
      'HTTPS://A.example/X',
      [{ ...at(0, 'https://A.example/X', 'a.example') }],
    ],
    [
      'a known host without scheme',
      '复制 m.tb.cn/h.abc~',
      [{ ...at(3, 'https://m.tb.cn/h.abc', 'm.tb.cn', ['scheme-added']), end: 17 }],
    ],
    ['nothing for an unknown host without scheme', 'see a.example/b', []],
    ['nothing for an app link or a host without a dot', 'taobao://x/y http://localhost/x', []],
  ])('finds %s', (_name, text, expected) => {
    expect(scanShareLinks(text, known)).toEqual(expected);
  });

  it('joins a link wrapped before its query and undoes Markdown escapes', () => {
    expect(scanShareLinks('https://m.tb.cn/h.a\n?x=1', known)).toEqual([
      { start: 0, end: 24, url: 'https://m.tb.cn/h.a?x=1', host: 'm.tb.cn', repairs: ['line-joined'] },
    ]);
    expect(scanShareLinks('https://v.douyin.com/\\_lAiSDH0bK8/', known)).toEqual([
      {
        start: 0,
        end: 34,
        url: 'https://v.douyin.com/_lAiSDH0bK8/',
        host: 'v.douyin.com',
        repairs: ['markdown-link'],
      },
    ]);
  });

  it('keeps balanced parentheses inside a Markdown target', () => {
    expect(scanShareLinks('看[Taobao](https://m.tb.cn/h.a_(b))。', known)[0]?.url).toBe(
      'https://m.tb.cn/h.a_(b)',
    );
  });

  it('puts back the @ a Markdown converter pushed out of a jkl=@…@ link', () => {
    const text = '[x](https://s.click.taobao.com/t?jkl=@ab)@';
    expect(scanShareLinks(text, known)).toEqual([
      {
        start: 0,
        end: text.length,
        url: 'https://s.click.taobao.com/t?jkl=@ab@',
        host: 's.click.taobao.com',
        repairs: ['markdown-link', 'jkl-at-reattached'],
      },
    ]);
  });

  it('gives spans inside the text, in order, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ht:/ps.a[]()\\\n?&@ 看'.split('')), maxLength: 60 }),
        (text) => {
          for (const hits of [scanLinks(text), scanShareLinks(text, known)]) {
            let last = -1;
            for (const hit of hits) {
              expect(hit.start).toBeGreaterThanOrEqual(last);
              expect(hit.end).toBeLessThanOrEqual(text.length);
              expect(hit.start).toBeLessThan(hit.end);
              last = hit.start;
            }
          }
        },
      ),
    );
  });

  it('reads the same web links as free text where a share text has nothing to repair', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
    const link = fc
      .tuple(
        fc.constantFrom('http', 'https'),
        fc.array(label, { minLength: 2, maxLength: 3 }),
        fc.stringMatching(/^[A-Za-z0-9_/?=&%-]{0,20}$/),
      )
      .map(([scheme, labels, path]) => `${scheme}://${labels.join('.')}/${path}`);
    const gap = fc.constantFrom(' ', '\n', '。', '，', '「', '」', ' 看看 ');
    fc.assert(
      fc.property(fc.array(fc.tuple(gap, link), { minLength: 1, maxLength: 4 }), (parts) => {
        const text = parts.map(([g, l]) => g + l).join('');
        expect(scanShareLinks(text, () => false)).toEqual(scanLinks(text));
      }),
    );
  });
});
