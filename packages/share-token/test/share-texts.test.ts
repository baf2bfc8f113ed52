import { describe, expect, it } from 'vitest';
import { composeShareText, parseShareText, type ShareMatch, sharekitTokens } from '../src/index.js';

/**
 * Hand-written vectors in each platform's documented layout (sharekit notes, share-formats §2–§10).
 * Tokens, links and titles are made up; only the layouts are real.
 */
interface Vector {
  readonly name: string;
  readonly text: string;
  readonly want: Partial<Pick<ShareMatch, 'platform' | 'url' | 'token' | 'code' | 'title' | 'kind'>>;
  readonly repaired?: readonly string[];
}

const VECTORS: readonly Vector[] = [
  {
    name: 'reads the 2022+ Taobao layout with tk, channel code and 「title」',
    text: '【淘宝】https://e.tb.cn/h.7QwErTyUiOpAsDf?tk=Qw3rTy7UiOp CZ0042 「实木小方凳 换鞋凳」\n点击链接直接打开 或者 淘宝搜索直接打开',
    want: {
      platform: 'taobao',
      url: 'https://e.tb.cn/h.7QwErTyUiOpAsDf?tk=Qw3rTy7UiOp',
      token: 'Qw3rTy7UiOp',
      code: 'CZ0042',
      title: '实木小方凳 换鞋凳',
    },
  },
  {
    name: 'reads a Taobao share with a service badge after the marker and an http e.tb.cn link',
    text: '【淘宝】假一赔四 http://e.tb.cn/h.Zx9Cv8Bn7Mq6Wp5?tk=Hn4Jk5Lm6Np HU321 「复古台灯 卧室床头」',
    want: {
      platform: 'taobao',
      url: 'http://e.tb.cn/h.Zx9Cv8Bn7Mq6Wp5?tk=Hn4Jk5Lm6Np',
      token: 'Hn4Jk5Lm6Np',
      code: 'HU321',
      title: '复古台灯 卧室床头',
    },
  },
  {
    name: 'reads the 2018 layout with 【title】 before the link and a ￥ token in the garbled tail',
    text: '【加厚防滑浴室地垫】https://m.tb.cn/h.4kD9sPq 点击链接，再选择浏览器咑閞；或復·制这段描述￥7hGf2Kd9LpQ￥后到👉淘♂寳♀👈',
    want: {
      platform: 'taobao',
      url: 'https://m.tb.cn/h.4kD9sPq',
      token: '7hGf2Kd9LpQ',
      title: '加厚防滑浴室地垫',
    },
  },
  {
    name: 'reads the 2020 token-first layout with ?sm= and the title at the end',
    text: '复制这行话₳Mn8Bv7Cx6Za₳打开?淘宝?或点几链街https://m.tb.cn/h.Vq1Wz2X?sm=a1b2c3 至瀏lan嘂..【男士纯棉短袖套装】',
    want: {
      platform: 'taobao',
      url: 'https://m.tb.cn/h.Vq1Wz2X?sm=a1b2c3',
      token: 'Mn8Bv7Cx6Za',
      title: '男士纯棉短袖套装',
    },
  },
  {
    name: 'reads a rebate-bot repost: title line above the price lines, token in its own line',
    text: '不锈钢保温杯 大容量 【包邮】\n【在售价】39.90元\n【券后价】19.90元\n【下单链接】https://m.tb.cn/h.Kp3Lm4N \n-----\n复制这条信息，$Rt5Yu6Io7Pa$，到【手机淘宝】即可查看',
    want: {
      platform: 'taobao',
      url: 'https://m.tb.cn/h.Kp3Lm4N',
      token: 'Rt5Yu6Io7Pa',
      title: '不锈钢保温杯 大容量',
    },
  },
  {
    name: 'reads a bare token with mismatched emoji delimiters and a trailing comma',
    text: '🎵k2Jd8Hs5Fq1📲，',
    want: { platform: 'taobao', url: null, token: 'k2Jd8Hs5Fq1', title: null },
  },
  {
    name: 'reads a token with no closing delimiter',
    text: '（￥Pq9Wx8Ez7Rt ',
    want: { platform: 'taobao', token: 'Pq9Wx8Ez7Rt' },
  },
  {
    name: 'reads the 2024–25 bare command with a digit, parentheses and a channel code',
    text: '3(a8Sd7Fg6Hj5)/ CA1234',
    want: { platform: 'taobao', token: 'a8Sd7Fg6Hj5', code: 'CA1234', url: null },
  },
  {
    name: 'reads a token between one CJK character used as both delimiters',
    text: '2淘Zx4Cv5Bn6Mq淘复制打开',
    want: { platform: 'taobao', token: 'Zx4Cv5Bn6Mq' },
  },
  {
    name: 'reads a cart share: digits, 🗝, token, £, link and code, no title',
    text: '27🗝9Kj8Hg7Fd6S£ https://m.tb.cn/h.Qa2Ws3E  CZ1001 快来看我购物车里的好宝贝~',
    want: {
      platform: 'taobao',
      token: '9Kj8Hg7Fd6S',
      url: 'https://m.tb.cn/h.Qa2Ws3E',
      code: 'CZ1001',
      title: null,
    },
  },
  {
    name: 'reads a Xianyu share on an m.tb.cn link and unwraps 我在闲鱼发布了【…】',
    text: '【闲鱼】https://m.tb.cn/h.Xy7Zt8R?tk=Lk9Jh8Gf7Ds CZ0077 「我在闲鱼发布了【九成新 山地自行车 27速】」\n点击链接直接打开',
    want: { platform: 'xianyu', token: 'Lk9Jh8Gf7Ds', title: '九成新 山地自行车 27速', code: 'CZ0077' },
  },
  {
    name: 'reads a Tmall 喵口令 whose key is the ?tm= short link',
    text: '复制整段信息，打开👉手机天猫👈，即可查看此商品:【当季新鲜脐橙 5斤装】(未安装App点这里：http://yukhj.com/s/AbCdE?tm=0f1e2d )🔑喵口令🔑',
    want: {
      platform: 'tmall',
      url: 'http://yukhj.com/s/AbCdE?tm=0f1e2d',
      token: null,
      title: '当季新鲜脐橙 5斤装',
    },
  },
  {
    name: 'reads the 2025 JD layout with jkl=@…@, channel code and title on a CRLF line',
    text: '【京东】https://3.cn/2Ab-cDeF?jkl=@Qw1Er2Ty3U@ MU1234 「机械键盘 红轴 87键」\r\n点击链接直接打开 或者复制文案打开京东',
    want: {
      platform: 'jd',
      url: 'https://3.cn/2Ab-cDeF?jkl=@Qw1Er2Ty3U@',
      token: 'Qw1Er2Ty3U',
      code: 'MU1234',
      title: '机械键盘 红轴 87键',
    },
  },
  {
    name: 'reads the JD variant with the channel code before the link and the title in 【】',
    text: '【京东】ZH1234 https://3.cn/-9XyZ8wV?jkl=@Ab3Cd4Ef5Gh6@ 【纯棉毛巾 6条装】点击链接或者复制文案打开京东',
    want: { platform: 'jd', token: 'Ab3Cd4Ef5Gh6', code: 'ZH1234', title: '纯棉毛巾 6条装' },
  },
  {
    name: 'reads a 京口令 with mismatched delimiters',
    text: '￥ZX3C4VB5NM6AS7D%',
    want: { platform: 'jd', token: 'ZX3C4VB5NM6AS7D', url: null },
  },
  {
    name: 'reads a JD 2020–21 red packet that has no alphanumeric token',
    text: '8:/鶁快来领取你的专属红包婛諌，最高888元！',
    want: { platform: 'jd', token: null, url: null },
  },
  {
    name: 'reads a Pinduoduo goods link whose ps= is the opaque share code',
    text: 'https://mobile.yangkeduo.com/goods1.html?ps=Zx8Cv7Bn6M',
    want: { platform: 'pinduoduo', token: 'Zx8Cv7Bn6M' },
  },
  {
    name: 'reads the 2025–26 Douyin layout with codes after the tail',
    text: '4.12 周末露营装备分享 # 露营 # 户外 https://v.douyin.com/aB3-cD4_eF5/ 复制此链接，打开抖音搜索，直接观看视频！ 11/02 kLm:/ :3pm Q@w.Er',
    want: {
      platform: 'douyin',
      url: 'https://v.douyin.com/aB3-cD4_eF5/',
      token: 'kLm:/ Q@w.Er',
      title: '周末露营装备分享 # 露营 # 户外',
    },
  },
  {
    name: 'reads a 2026 Douyin share that has codes and a caption but no link',
    text: '6.18 K@d.Xo 04/20 qWe/: :8pm 《晚风》完整版# 晚风',
    want: { platform: 'douyin', url: null, token: 'K@d.Xo qWe/:', title: '《晚风》完整版# 晚风' },
  },
  {
    name: 'reads a 2021 Douyin share whose link is glued to the garbled tail',
    text: '6.66 xYz:/ 今天的晚霞太美了  https://v.douyin.com/Rk8Jh7G/复淛佌lian接，打开Dou音搜索，直接观kan视频！',
    want: {
      platform: 'douyin',
      url: 'https://v.douyin.com/Rk8Jh7G/',
      token: 'xYz:/',
      title: '今天的晚霞太美了',
    },
  },
  {
    name: 'reads the 2023–24 Douyin layout: caption after 看看【<author>的作品】',
    text: '5.20 复制打开抖音，看看【小王(摄影)的作品】城市夜景延时摄影 # 夜景 https://v.douyin.com/iAb2Cd3/ R@t.Yu uIo:/ 06/18',
    want: { platform: 'douyin', title: '城市夜景延时摄影 # 夜景', token: 'R@t.Yu uIo:/' },
  },
  {
    name: 'reads a 2019 Douyin share with #在抖音，记录美好生活# and U+FFFC',
    text: '#在抖音，记录美好生活#第一次做蛋糕就成功了\uFFFC https://v.douyin.com/Jq2We3/ 复制此链接，打开【抖音短视频】，直接观看视频！',
    want: { platform: 'douyin', title: '第一次做蛋糕就成功了', url: 'https://v.douyin.com/Jq2We3/' },
    repaired: ['object-replacement'],
  },
  {
    name: 'reads a Douyin shop share: title after the 【抖音商城】 link',
    text: '2.22 03/03 aBc:/ D@e.Fg 【抖音商城】https://v.douyin.com/Zx9-Cv8Bn7M/ 北欧风落地灯 客厅卧室... 长按复制此条消息，打开抖音搜索，查看商品详情！',
    want: { platform: 'douyin-shop', title: '北欧风落地灯 客厅卧室...', token: 'aBc:/ D@e.Fg' },
  },
  {
    name: 'reads the Kuaishou URL-first layout, cutting the caption at the first "tag',
    text: 'https://v.kuaishou.com/Ab3Cd4Ef 山里的清晨 "治愈 "风景 该作品在快手被播放过12.3万次，点击链接，打开【快手】直接观看！',
    want: { platform: 'kuaishou', url: 'https://v.kuaishou.com/Ab3Cd4Ef', title: '山里的清晨', token: null },
  },
  {
    name: 'reads the older Kuaishou layout with the caption before the link',
    text: '春风十里不如你 https://v.kuaishou.com/xY7zW8 复制此消息，打开【快手】直接观看！',
    want: { platform: 'kuaishou', title: '春风十里不如你' },
  },
  {
    name: 'reads a Xiaohongshu app share: 😆 code as the token, no title, CJK comma ends the link',
    text: '12 小林发布了一篇小红书笔记，快来看吧！ 😆 Ab3Cd4Ef5Gh6Ij7 😆 http://xhslink.com/a/Zx8Cv7Bn6M5，复制本条信息，打开【小红书】App查看精彩内容！',
    want: {
      platform: 'xiaohongshu',
      url: 'http://xhslink.com/a/Zx8Cv7Bn6M5',
      token: 'Ab3Cd4Ef5Gh6Ij7',
      title: null,
    },
  },
  {
    name: 'reads a Xiaohongshu PC share: title cut before the author, a wrapped link joined',
    text: '8 【手冲咖啡入门 - 豆子君 | 小红书 - 你的生活指南】 😆 Qw3Er4Ty5Ui6Op7 😆 \nhttps://www.xiaohongshu.com/discovery/item/64f1a2b3000000001f03c4d5\n?source=webshare&xsec_token=ABcd12&xsec_source=pc_share',
    want: {
      platform: 'xiaohongshu',
      url: 'https://www.xiaohongshu.com/discovery/item/64f1a2b3000000001f03c4d5?source=webshare&xsec_token=ABcd12&xsec_source=pc_share',
      title: '手冲咖啡入门',
    },
    repaired: ['line-joined'],
  },
  {
    name: 'completes a scheme-less 2025 Xiaohongshu link',
    text: '周末去哪儿... xhslink.com/m/Ab3Cd4Ef5Gh 复制本条信息，打开【小红书】App查看精彩内容！',
    want: { platform: 'xiaohongshu', url: 'https://xhslink.com/m/Ab3Cd4Ef5Gh', title: '周末去哪儿...' },
    repaired: ['scheme-added'],
  },
  {
    name: 'reads a Bilibili title with nested 【】 up to the last -哔哩哔哩】',
    text: '【【教程】从零开始的电路设计(入门)-哔哩哔哩】 https://b23.tv/Ab3Cd4E',
    want: { platform: 'bilibili', url: 'https://b23.tv/Ab3Cd4E', title: '【教程】从零开始的电路设计(入门)' },
  },
  {
    name: 'reads a bare Weibo share link',
    text: 'https://share.api.weibo.cn/share/123456789,4890123456789012.html?weibo_id=4890123456789012',
    want: { platform: 'weibo', title: null, token: null },
  },
  {
    name: 'reads an Alipay 吱口令 with the token mid-sentence and no delimiters',
    text: '新年红包来啦！Ab3Cd4Ef5G 快去领！#吱口令#长按复制此消息，打开支付宝就能领取！',
    want: { platform: 'alipay', token: 'Ab3Cd4Ef5G', url: null },
  },
  {
    name: 'reads Ele.me and Dianping bare short links',
    text: 'https://u.ele.me/Ab3Cd4Ef',
    want: { platform: 'eleme', url: 'https://u.ele.me/Ab3Cd4Ef' },
  },
  {
    name: 'undoes a markdown link in a Douyin share',
    text: '1.23 aBc:/ 一起看海 [https://v.douyin.com/Qw3Er4Ty5/](https://v.douyin.com/Qw3Er4Ty5/) 复制此链接，打开Dou音搜索，直接观看视频！',
    want: { platform: 'douyin', url: 'https://v.douyin.com/Qw3Er4Ty5/', title: '一起看海' },
    repaired: ['markdown-link'],
  },
  {
    name: 'stops a link at a glued 「 and takes an unclosed title to the end of the line',
    text: 'https://m.tb.cn/h.Ab3Cd4E?tk=Zx8Cv7Bn6Mq「手工编织草帽 遮阳',
    want: {
      platform: 'taobao',
      url: 'https://m.tb.cn/h.Ab3Cd4E?tk=Zx8Cv7Bn6Mq',
      token: 'Zx8Cv7Bn6Mq',
      title: '手工编织草帽 遮阳',
    },
  },
  {
    name: 'reads a token with zero-width characters inserted by a chat app',
    text: '￥Ab3\u200bCd4Ef5Gh￥',
    want: { platform: 'taobao', token: 'Ab3Cd4Ef5Gh' },
    repaired: ['zero-width'],
  },
  {
    name: 'reads a token typed in full-width forms',
    text: '（Ａｂ３Ｃｄ４Ｅｆ５Ｇｈ）',
    want: { platform: 'taobao', token: 'Ab3Cd4Ef5Gh' },
    repaired: ['full-width'],
  },
];

describe('parseShareText on hand-written vectors', () => {
  for (const v of VECTORS) {
    it(v.name, () => {
      const [m, ...rest] = parseShareText(v.text);
      expect(rest).toEqual([]);
      expect(m).toMatchObject(v.want);
      for (const r of v.repaired ?? []) expect(m?.repaired).toContain(r);
    });
  }
});

describe('parseShareText pitfalls', () => {
  it('returns every share of a paste holding a Taobao and a JD share, re-attaching the @ markdown pushed out', () => {
    const text =
      '【淘宝】[https://e.tb.cn/h.Ab3Cd4Ef5Gh6Ij7?tk=Kl8Mn9Op1Qr](https://e.tb.cn/h.Ab3Cd4Ef5Gh6Ij7?tk=Kl8Mn9Op1Qr) MF123 「黑胶唱片」\n点击链接直接打开\n' +
      '【京东】[https://3.cn/-1AbCdEf?jkl=@Zx8Cv7Bn6Mq](https://3.cn/-1AbCdEf?jkl=@Zx8Cv7Bn6Mq)@ CA4321 「静电容键盘」\n点击链接直接打开';
    const matches = parseShareText(text);
    expect(matches.map((m) => m.platform)).toEqual(['taobao', 'jd']);
    expect(matches[0]).toMatchObject({ token: 'Kl8Mn9Op1Qr', code: 'MF123', title: '黑胶唱片' });
    expect(matches[1]).toMatchObject({
      url: 'https://3.cn/-1AbCdEf?jkl=@Zx8Cv7Bn6Mq@',
      token: 'Zx8Cv7Bn6Mq',
      code: 'CA4321',
      title: '静电容键盘',
    });
    expect(matches[1]?.repaired).toContain('jkl-at-reattached');
  });

  it('keeps the codes and captions of two Douyin shares pasted on consecutive lines apart', () => {
    const text =
      '0.25 g@O.Xm 12/27 RKj:/ 第一条视频  https://v.douyin.com/Ab3Cd4Ef5Gh/ 复制此链接，打开Dou音搜索，直接观看视频！\n' +
      '2.51 第二条视频 https://v.douyin.com/Zx8Cv7Bn6Mq/ 复制此链接，打开抖音搜索，直接观看视频！ 05/13 qRx:/ :5pm E@h.Ox';
    const matches = parseShareText(text);
    expect(matches.map((m) => [m.token, m.title])).toEqual([
      ['g@O.Xm RKj:/', '第一条视频'],
      ['qRx:/ E@h.Ox', '第二条视频'],
    ]);
  });

  it('reads the ≤2019 Kuaishou layout, cutting the caption before 【author】发了一个快手作品', () => {
    const [m] = parseShareText(
      '落日余晖【阿杰】发了一个快手作品，一起来看！ http://www.gifshow.com/s/Ab3Cd4Ef 复制此链接，打开【快手】直接观看！',
    );
    expect(m).toMatchObject({
      platform: 'kuaishou',
      title: '落日余晖',
      url: 'http://www.gifshow.com/s/Ab3Cd4Ef',
    });
  });

  it('gives a Douyin profile share no title', () => {
    const [m] = parseShareText(
      '长按复制此条消息，打开抖音搜索，查看TA的更多作品。 https://v.douyin.com/Ab3Cd4E/',
    );
    expect(m).toMatchObject({ platform: 'douyin', title: null });
  });

  it('gives a bare token on the line above a complete share a match of its own', () => {
    const text =
      '₳Qw3Er4Ty5Ui₳\n【折叠收纳箱】https://m.tb.cn/h.Ab3Cd4E 点击链接，再选择浏览器咑閞；或復·制这段描述￥Zx8Cv7Bn6Mq￥后到淘♂寳♀';
    expect(parseShareText(text).map((m) => [m.token, m.url, m.title])).toEqual([
      ['Qw3Er4Ty5Ui', null, null],
      ['Zx8Cv7Bn6Mq', 'https://m.tb.cn/h.Ab3Cd4E', '折叠收纳箱'],
    ]);
  });

  it('pairs a rebate post token with the nearest link, not the link of the post above', () => {
    const text =
      '【保温杯】\n❥原价39?\n(Qw3Er4Ty5Ui)\n复制本条消息打开手机淘宝\n饭点到了~\nhttps://m.tb.cn/h.Ab3Cd4E\n复制这条信息，$Zx8Cv7Bn6Mq$，到【手机淘宝】即可查看';
    expect(parseShareText(text).map((m) => [m.token, m.url])).toEqual([
      ['Qw3Er4Ty5Ui', null],
      ['Zx8Cv7Bn6Mq', 'https://m.tb.cn/h.Ab3Cd4E'],
    ]);
  });

  it('does not let a 喵口令 on the line above turn the next Taobao share into Tmall', () => {
    const text =
      '复制整段信息，打开👉手机天猫👈，即可查看此商品:【脐橙】(未安装App点这里：http://yukhj.com/s/AbCdE?tm=0f1e2d )🔑喵口令🔑\n' +
      '【淘宝】https://e.tb.cn/h.Ab3Cd4Ef5Gh6Ij7?tk=Kl8Mn9Op1Qr CZ1234 「台灯」';
    expect(parseShareText(text).map((m) => m.platform)).toEqual(['tmall', 'taobao']);
  });

  it('returns one share per bare token when several are pasted on their own lines', () => {
    const matches = parseShareText('￥Ab3Cd4Ef5Gh￥\n€Zx8Cv7Bn6Mq€\n(Qw3Er4Ty5Ui)');
    expect(matches.map((m) => m.token)).toEqual(['Ab3Cd4Ef5Gh', 'Zx8Cv7Bn6Mq', 'Qw3Er4Ty5Ui']);
  });

  it('ignores a lookalike host that only starts with a platform domain', () => {
    expect(parseShareText('领券 https://p.pinduoduo.com.evil.test/Ab3Cd4Ef?sc=ABCD')).toEqual([]);
  });

  it('does not route a Douyin short path containing BV to Bilibili', () => {
    const [m] = parseShareText('https://v.douyin.com/GeIoxABVe5U/');
    expect(m?.platform).toBe('douyin');
  });

  it('does not take all-digit runs (phone numbers) or plain words for Taobao tokens', () => {
    expect(parseShareText('电话 13800138000 联系我 or write Information today')).toEqual([]);
  });

  it('does not take the 11-character 😆 code of a Xiaohongshu share for a Taobao token', () => {
    const matches = parseShareText(
      '35 阿明发布了一篇小红书笔记，快来看吧！ 😆 Ab3Cd4Ef5Gh 😆 http://xhslink.com/m/Zx8Cv7Bn6Mq 复制本条信息',
    );
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ platform: 'xiaohongshu', token: 'Ab3Cd4Ef5Gh' });
  });

  it('does not take an 11-character model name inside 「」 or 【】 for a Taobao token', () => {
    const matches = parseShareText(
      '【京东】https://3.cn/2Ab-cDeF?jkl=@Qw1Er2Ty3U@ MU1234 「iPhone15Pro 手机壳」\n【iPhone15Pro】',
    );
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ platform: 'jd', token: 'Qw1Er2Ty3U' });
  });

  it('does not take a kaomoji title in ASCII parentheses for a token', () => {
    const matches = parseShareText(
      '9 【(｡ì _ í｡) - 小猫 | 小红书 - 你的生活指南】 😆 Ab3Cd4Ef5Gh6Ij7 😆 http://xhslink.com/Zx8Cv7',
    );
    expect(matches).toHaveLength(1);
    expect(matches[0]?.title).toBe('(｡ì _ í｡)');
  });

  it('keeps emoji lost as ? from joining the link or the token', () => {
    const [m] = parseShareText(
      '复制这段话$Ab3Cd4Ef5Gh$打开?淘宝?或掂击鏈→接https://m.tb.cn/h.Zx8Cv7B?sm=abc123 至瀏..覽..噐【帆布包】',
    );
    expect(m).toMatchObject({
      url: 'https://m.tb.cn/h.Zx8Cv7B?sm=abc123',
      token: 'Ab3Cd4Ef5Gh',
      title: '帆布包',
    });
  });

  it('reports spans that cover the share in the original text', () => {
    const text = '前言\n【淘宝】https://e.tb.cn/h.Ab3Cd4Ef5Gh6Ij7?tk=Kl8Mn9Op1Qr CZ1234 「台灯」';
    const [m] = parseShareText(text);
    expect(text.slice(m?.span[0], m?.span[1])).toBe(
      'https://e.tb.cn/h.Ab3Cd4Ef5Gh6Ij7?tk=Kl8Mn9Op1Qr CZ1234 「台灯」',
    );
  });

  it('keeps balanced parentheses inside a Markdown link target', () => {
    const [m] = parseShareText('[Echo](https://www.amazon.com/Echo-Dot-(5th-Gen)/dp/B09B8V1LZ3)');
    expect(m?.url).toBe('https://www.amazon.com/Echo-Dot-(5th-Gen)/dp/B09B8V1LZ3');
    expect(m?.identity).toMatchObject({ platform: 'amazon', kind: 'item', id: 'B09B8V1LZ3' });
  });

  it('fills canonicalUrl and identity from canonical-url, also for full links', () => {
    const [m] = parseShareText('看这个 https://item.taobao.com/item.htm?id=675330231400&spm=a2o4r.1');
    expect(m?.identity).toMatchObject({ platform: 'taobao', kind: 'item', id: '675330231400' });
    expect(m?.canonicalUrl).toBe('https://item.taobao.com/item.htm?id=675330231400');
  });

  it('returns [] for text with no share and throws typed errors for misuse', () => {
    expect(parseShareText('')).toEqual([]);
    expect(parseShareText('今天天气不错')).toEqual([]);
    expect(() => parseShareText(null as unknown as string)).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => parseShareText('a'.repeat((1 << 20) + 1))).toThrow(
      expect.objectContaining({ code: 'too_long' }),
    );
  });

  it('throws invalid_option for options that are not an object or a reader that is not sharekitTokens', () => {
    for (const options of [null, 42, 'sharekitTokens', { sharekitTokens: true }, { sharekitTokens: {} }]) {
      expect(() => parseShareText('【淘宝】', options as never)).toThrow(
        expect.objectContaining({ code: 'invalid_option' }),
      );
    }
    expect(parseShareText('今天', {})).toEqual([]);
    expect(parseShareText('今天', { sharekitTokens: undefined } as never)).toEqual([]);
  });
});

describe('sharekit tokens in parseShareText (the sharekitTokens option)', () => {
  const identity = {
    platform: 'taobao',
    kind: 'item',
    id: '675330231400',
    url: 'https://item.taobao.com/item.htm?id=675330231400',
  } as const;

  it('reads a token alone only with the option', () => {
    const text = composeShareText({ target: identity, template: 'token-only', title: '书桌' });
    expect(parseShareText(text)).toEqual([]);
    const [m] = parseShareText(text, { sharekitTokens });
    expect(m).toMatchObject({ kind: 'sharekit-token', platform: 'taobao', identity, title: '书桌' });
  });

  it("still reads a composed share's link without the option, and merges the token with it with the option", () => {
    const text = composeShareText({ target: identity, title: '书桌' });
    const plain = parseShareText(text);
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatchObject({ kind: 'platform-share', platform: 'taobao', identity, title: '书桌' });
    const both = parseShareText(text, { sharekitTokens });
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ kind: 'sharekit-token', identity, url: identity.url });
  });
});
