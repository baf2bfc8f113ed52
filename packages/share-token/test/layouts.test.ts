import { describe, expect, it } from 'vitest';
import { parseShareText } from '../src/index.js';

/*
 * Real share texts from the repository corpus (corpora/share-texts.json, which names each text's
 * public source): one named test per layout this reader learned in issue 10.
 */
const CASES = [
  {
    name: 'a Douyin code glued to the caption (corpus #50, Evil0ctal/Douyin_TikTok_Download_API main.py)',
    text: '1.02 GIi:/电动车真环保吗？ https://v.douyin.com/RATN1fk/ 复制此链接，打开Dou音搜索，直接观看视频！',
    want: { platform: 'douyin', token: 'GIi:/', title: '电动车真环保吗？' },
  },
  {
    name: 'two-letter Douyin codes on either side of the date (corpus #114, a WeChat chat export)',
    text: '0.76 去抖音看看【大幂幂的作品】我的好朋友会请我吃漂亮餐 对吗？ # amigo ... https://v.douyin.com/i5WuEr8V/ y@G.VL 02/08 gB:/ ',
    want: { platform: 'douyin', token: 'y@G.VL gB:/', title: '我的好朋友会请我吃漂亮餐 对吗？ # amigo ...' },
  },
  {
    name: 'a Douyin photo post without a caption (corpus #89, miaoxutao123/astrbot_plugin_videos_analysis)',
    text: '2.51 复制打开抖音，看看【兮兮奈奈子的图文作品】  https://v.douyin.com/UHCPPHpOuC4/ MjP:/ X@Z.ZM 11/19',
    want: { platform: 'douyin', token: 'MjP:/ X@Z.ZM', title: null },
  },
  {
    name: 'a comment before 复制打开抖音 (corpus #91, ikenxuan/karin-plugin-kkk)',
    text: '4.84 这个视频不错👍复制打开抖音👀广州地铁VS深圳地铁，线网强度对比 # 广州地铁 ... https://v.douyin.com/bkz7EpeBRnA/ Zmq:/ f@B.tR 08/14',
    want: {
      platform: 'douyin',
      token: 'Zmq:/ f@B.tR',
      title: '广州地铁VS深圳地铁，线网强度对比 # 广州地铁 ...',
    },
  },
  {
    name: 'a caption that starts with a number after the codes (corpus #159)',
    text: '8.74 S@Y.ZZ Uyt:/ :3pm 09/26 5 分钟学会写架构设计 https://v.douyin.com/EBgtkB68340/ 复制此链接，打开Dou音搜索，直接观看视频！',
    want: { platform: 'douyin', token: 'S@Y.ZZ Uyt:/', title: '5 分钟学会写架构设计' },
  },
  {
    name: 'a caption that ends with a number before the link keeps it (corpus #636, an issue form)',
    text: '7.15 对了我买了18块钱的章鱼小丸子，结果章鱼搜掉了# 甜妹 # 09  https://v.douyin.com/irXxc3GY/ 复制此链接，打开抖音搜索，直接观看视频！ 01/14 H@V.Ym AGV:/',
    want: {
      platform: 'douyin',
      token: 'H@V.Ym AGV:/',
      title: '对了我买了18块钱的章鱼小丸子，结果章鱼搜掉了# 甜妹 # 09',
    },
  },
  {
    name: 'the same share re-pasted with one space before the link (corpus #639)',
    text: '7.15 对了我买了18块钱的章鱼小丸子，结果章鱼搜掉了# 甜妹 # 09 https://v.douyin.com/irXxc3GY/ 复制此链接，打开抖音搜索，直接观看视频！ 01/14',
    want: { platform: 'douyin', title: '对了我买了18块钱的章鱼小丸子，结果章鱼搜掉了# 甜妹 # 09' },
  },
  {
    name: 'a JD jkl whose closing @ was lost (corpus #183, minghaoran0910-cyber/shopping-guardian)',
    text: '【京东】https://3.cn/-2XbITJP?jkl=@MF1KwCSN9YR MF3390 「五模多用途HiFi音响高保真家用」',
    want: { platform: 'jd', token: 'MF1KwCSN9YR', title: '五模多用途HiFi音响高保真家用' },
  },
  {
    name: 'a Kuaishou share that names only its author (corpus #196)',
    text: 'IG俱乐部小助理发了一个快手作品，一起来看！ http://kphshanghai.m.chenzhongtech.com/s/cUlxMnpr 复制此链接，打开【快手】直接观看！\n',
    want: { platform: 'kuaishou', token: null, title: null },
  },
  {
    name: 'a Kuaishou live-room share on a staging host (corpus #197)',
    text: 'ZHD01的直播很精彩，快来围观！http://v-short.staging.kuaishou.com/8poTHS 复制此消息，打开【快手】直接观看！',
    want: { platform: 'kuaishou', token: null, title: null },
  },
  {
    name: 'a Xianyu 快来捡漏 title (corpus #274)',
    text: '【闲鱼】https://m.tb.cn/h.5EIeHuV?tk=HW5sWNI4zR2 HU7632 「快来捡漏【触摸 理想 L9 便携显示器便携屏 13.3 寸switch】」',
    want: { platform: 'xianyu', token: 'HW5sWNI4zR2', title: '触摸 理想 L9 便携显示器便携屏 13.3 寸switch' },
  },
  {
    name: 'a Xianyu profile share (corpus #276)',
    text: '【闲鱼】https://m.tb.cn/h.6nA3DRE?tk=7ACpVUFVHJa MF937 「这是我的闲鱼号，快来看看吧～」 点击链接直接打开 ',
    want: { platform: 'xianyu', token: '7ACpVUFVHJa', title: null },
  },
] as const;

describe('parseShareText: layouts of real shares', () => {
  it.each(CASES)('reads $name', ({ text, want }) => {
    const [first] = parseShareText(text);
    expect(first).toMatchObject(want);
  });
});

describe('parseShareText: a layout names the platform, the link keeps its own verdict', () => {
  it('reads a Taobao share whose link is on a throw-away domain and says the link is off the platform (corpus #221)', () => {
    const text =
      '【森马风衣男士简约风景印花休闲中长款外套学生韩版潮】http://v.wzd0.com/h.DRVIuL 点击链接，再选择浏览器打开；或复制这条信息￥YrFL07W19G6￥后打开👉手淘👈';
    const [first] = parseShareText(text);
    expect(first).toMatchObject({
      platform: 'taobao',
      url: 'http://v.wzd0.com/h.DRVIuL',
      identity: null,
      canonicalUrl: null,
      token: 'YrFL07W19G6',
      linkOffPlatform: true,
    });
  });

  it('never attaches a look-alike host to a share', () => {
    const text = '【淘宝】https://item.taobao.com.evil.example/h.x 复制这条信息￥YrFL07W19G6￥后打开👉手淘👈';
    const matches = parseShareText(text);
    expect(matches.some((m) => m.url?.includes('evil.example'))).toBe(false);
  });

  it('leaves a platform link without the off-platform mark', () => {
    const [first] = parseShareText(
      '【淘宝】https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt CZ3457 「保温杯」',
    );
    expect(first?.linkOffPlatform).toBeUndefined();
  });
});

describe('parseShareText: 2016–19 Taobao shares on rotating short domains', () => {
  it.each([
    {
      name: 'a 手淘 share with the command in cv= (corpus #470)',
      text: '【爆炸输出电竞周边】http://e22a.com/h.1Cgzmo?cv=AAkQnLit&sm=e8d351点击链接，再选择浏览器打开；或复制这条信息，打开👉手淘👈￥AAkQnLit￥',
      want: {
        platform: 'taobao',
        url: 'http://e22a.com/h.1Cgzmo?cv=AAkQnLit&sm=e8d351',
        token: 'AAkQnLit',
        title: '爆炸输出电竞周边',
      },
    },
    {
      name: 'a 打开手机淘宝 shop share (corpus #542)',
      text: '复制这条信息，打开手机淘宝即可看到【夏樱牛仔小C店】￥AAJXXJyz￥http://e22a.com/h.0XKrbI?cv=AAJXXJyz&sm=ebf944',
      want: {
        platform: 'taobao',
        url: 'http://e22a.com/h.0XKrbI?cv=AAJXXJyz&sm=ebf944',
        token: 'AAJXXJyz',
        title: '夏樱牛仔小C店',
      },
    },
  ])('reads $name, the link marked off the platform', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject({ ...want, identity: null, linkOffPlatform: true });
  });
});

describe('parseShareText: Alipay commands without the #吱口令# marker', () => {
  it.each([
    {
      name: 'the daily red-packet command (corpus #26)',
      text: '支付宝发红包啦！人人可领，天天可领！长按复制此消息，打开支付宝领红包！VavJvm63sZ',
      token: 'VavJvm63sZ',
    },
    {
      name: 'the command without its lead sentence (corpus #34)',
      text: '长按复制此消息，打开支付宝领红包！P6vf5J53rB',
      token: 'P6vf5J53rB',
    },
    {
      name: 'an Eleme red packet opened in Alipay (corpus #9, mtdhb/mtdhb issue 91)',
      text: '[你有一个红包待领取] 邀请你来拼手气赢最高100元饿了么红包，复制本条信息打开支付宝即可参加。xN4Xye031z',
      token: 'xN4Xye031z',
    },
    {
      name: "Ant Forest's 11-character code glued to the tail (corpus #12)",
      text: '我在蚂蚁森林种了一棵真树，喊你一起来。KX7T6II833r长按复制打开支付宝即可',
      token: 'KX7T6II833r',
    },
    {
      name: 'the #给我转账# transfer command (corpus #24)',
      text: '#给我转账#长按复制此条消息，打开支付宝即可给我转账。#AMXG3G43X1',
      token: 'AMXG3G43X1',
    },
  ])('reads $name', ({ text, token }) => {
    expect(parseShareText(text)).toMatchObject([{ platform: 'alipay', token, url: null }]);
  });

  it('leaves a letters-and-digits run alone when nothing sends the reader to Alipay', () => {
    expect(parseShareText('人人可领，天天可领！长按复制此消息 VavJvm63sZ')).toEqual([]);
  });

  it('takes a third-party link sent to Alipay as the share link, off the platform, without the empty fragment (corpus #31)', () => {
    const text =
      '# https://www.wmslz.com/s/1YxEkHL299o#复制此消息，打开支付宝搜索，体验薅羊毛赚话费小程序  U:/j MF9963 2024/01/13';
    expect(parseShareText(text)).toMatchObject([
      {
        platform: 'alipay',
        url: 'https://www.wmslz.com/s/1YxEkHL299o',
        identity: null,
        linkOffPlatform: true,
      },
    ]);
  });
});

describe('parseShareText: links that are part of a share, not shares of their own', () => {
  it("reads TikTok Lite's download link as part of the share before it (corpus #562)", () => {
    const text =
      "Check out Sarafina's video! #TikTok https://vm.tiktok.com/ZS4BB5Rc7/ This post is shared via TikTok Lite. Download TikTok Lite to enjoy more posts: https://www.tiktok.com/tiktoklite";
    expect(parseShareText(text)).toMatchObject([
      { platform: 'tiktok', url: 'https://vm.tiktok.com/ZS4BB5Rc7/' },
    ]);
  });

  it('still reads two TikTok Lite shares in one paste as two shares', () => {
    const one = (id: string) =>
      `https://vm.tiktok.com/${id}/ This post is shared via TikTok Lite. Download TikTok Lite to enjoy more posts: https://www.tiktok.com/tiktoklite`;
    const urls = parseShareText(`${one('ZS92gyt7u87s2-HspX6')}\n${one('ZMr7hE2qa')}`).map((m) => m.url);
    expect(urls).toEqual(['https://vm.tiktok.com/ZS92gyt7u87s2-HspX6/', 'https://vm.tiktok.com/ZMr7hE2qa/']);
  });

  it('keeps a platform page link that stands alone as a share', () => {
    expect(parseShareText('看看 https://www.tiktok.com/tiktoklite')).toMatchObject([{ platform: 'tiktok' }]);
  });

  it('reads a Markdown link whose bold label repeats the link with an escaped underscore as one share (corpus #276)', () => {
    const text =
      '3.53 复制打开抖音，看看【斩漫的作品】《千金垂爱》被千金拉着结婚了 # ai动漫 # a... [**https://v.douyin.com/\\_lAiSDH0bK8/**](https://v.douyin.com/_lAiSDH0bK8/) Rxf:/ 01/17 J@V.Lw :1pm';
    const matches = parseShareText(text);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      platform: 'douyin',
      url: 'https://v.douyin.com/_lAiSDH0bK8/',
      token: 'Rxf:/ J@V.Lw',
      title: '《千金垂爱》被千金拉着结婚了 # ai动漫 # a...',
    });
    expect(matches[0]?.repaired).toContain('markdown-link');
  });
});

describe('parseShareText: the text names the platform, or another one', () => {
  it('reads a Dianping share sent through Weibo as Dianping, the link staying a Weibo short link (corpus #193)', () => {
    const [first] = parseShareText('我上传了一张天津帝旺凯悦酒店的图片， http://t.cn/RvjgeKY @大众点评');
    expect(first).toMatchObject({ platform: 'dianping', identity: { platform: 'weibo', kind: 'short' } });
    expect(first?.mismatch).toBeUndefined();
  });

  it.each([
    {
      name: 'corpus #192, an API document',
      text: '【雾都小馆】快来试试这家餐厅吧！【地址：江岸区云林街14号1楼2号】【电话：15347053039】@大众点评 http://dpurl.cn/BNE9Tdaz',
    },
    {
      name: 'the same share pasted with a space and the link in backticks (search index id 60376162778)',
      text: '【雾都小馆】快来试试这家餐厅吧！ 【地址：江岸区云林街14号1楼2号】【电话：15347053039】@大众点评 `http://dpurl.cn/BNE9Tdaz`',
    },
  ])('reads the shop in the first 【】 of a Dianping share as its title ($name)', ({ text }) => {
    expect(parseShareText(text)[0]).toMatchObject({
      platform: 'dianping',
      url: 'http://dpurl.cn/BNE9Tdaz',
      title: '雾都小馆',
    });
  });

  it("reads a Meituan text with Dianping's short link as Meituan (corpus #401)", () => {
    const text = '我发给你的美团外卖新人红包用了吗？5折就能吃大餐！快去下单吧~http://dpurl.cn/n/kA';
    expect(parseShareText(text)).toMatchObject([{ platform: 'meituan', url: 'http://dpurl.cn/n/kA' }]);
  });

  it('reads a TikTok share whose link Twitter rewrapped in t.co, off the platform (corpus #566)', () => {
    const text = "Check out kingkhieu's video! #TikTok #COVID19 #CovidVaccine  https://t.co/1AjjXjG6Us";
    expect(parseShareText(text)).toMatchObject([
      { platform: 'tiktok', url: 'https://t.co/1AjjXjG6Us', linkOffPlatform: true },
    ]);
  });

  it('says so when a 【淘宝】 share links to JD, and the link decides the platform', () => {
    const [first] = parseShareText('【淘宝】https://item.jd.com/100012043978.html 「保温杯」');
    expect(first).toMatchObject({ platform: 'jd', identity: { platform: 'jd' }, mismatch: 'taobao' });
  });

  it('says so when a #吱口令# command carries a Douyin link', () => {
    const [first] = parseShareText(
      '#吱口令#长按复制此消息，打开支付宝领红包！https://v.douyin.com/AcirfPoAcVE/',
    );
    expect(first).toMatchObject({ platform: 'douyin', mismatch: 'alipay' });
  });

  it.each([
    [
      'a Tmall link in a 手机淘宝 share',
      '复制这条信息，打开手机淘宝 https://detail.tmall.com/item.htm?id=567270395710',
    ],
    ['an m.tb.cn link after 【闲鱼】', '【闲鱼】https://m.tb.cn/h.RT9Lh91?tk=i31S5yHWj6i 「快来捡漏」'],
    ['a Douyin link after 【抖音商城】', '【抖音商城】https://v.douyin.com/iRNBho6u/ 长按复制此条消息'],
  ])('does not call %s a mismatch: those platforms share their links', (_name, text) => {
    expect(parseShareText(text)[0]?.mismatch).toBeUndefined();
  });
});

describe('parseShareText: 2017 红包 titles and links glued by a zero-width space', () => {
  it.each([
    {
      name: 'the product inside （） of the 2017 红包 layout (corpus #472)',
      text: '【我剁手都要买的宝贝（达尔优LM101游戏鼠标有线牧马人USB台式机电脑笔记本家用办公女生），快来和我一起瓜分红I包】http://a.npupu.com/h.wKS7ig 点击链接，再选择浏览器打开；或复制这条信息￥gkpP0SRzFYr￥后打开👉手淘👈',
      want: {
        platform: 'taobao',
        token: 'gkpP0SRzFYr',
        title: '达尔优LM101游戏鼠标有线牧马人USB台式机电脑笔记本家用办公女生',
      },
    },
    {
      name: 'the same layout pasted without its opening 【 (corpus #469)',
      text: '我剁手都要买的宝贝（绿林手工热熔胶枪大号小号塑料玻璃热熔枪送热溶胶棒包邮20W-100W），快来和我一起瓜分红I包】http://a.nfi0.com/h.x8TyYx 点击链接，再选择浏览器打开；或复制这条信息￥0QEm0i3Qzmo￥后打开👉手淘👈',
      want: {
        platform: 'taobao',
        token: '0QEm0i3Qzmo',
        title: '绿林手工热熔胶枪大号小号塑料玻璃热熔枪送热溶胶棒包邮20W-100W',
      },
    },
  ])('reads $name', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject(want);
  });

  it('ends a link at a zero-width space before the next word (TikTok Lite, search index id 62356044207)', () => {
    const text =
      'https://vm.tiktok.com/ZS92gyt7u87s2-HspX6/\u200bThis post is shared via TikTok Lite. Download TikTok Lite to enjoy more posts: https://www.tiktok.com/tiktoklite';
    expect(parseShareText(text)).toMatchObject([
      { platform: 'tiktok', url: 'https://vm.tiktok.com/ZS92gyt7u87s2-HspX6/' },
    ]);
  });

  it('keeps the tk command and the channel code apart across a zero-width space', () => {
    const [first] = parseShareText(
      '【淘宝】https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt\u200bCZ356 「书桌」',
    );
    expect(first).toMatchObject({ token: 'nyXpT7VA7lt', code: 'CZ356', title: '书桌' });
    expect(first?.repaired).toContain('zero-width');
  });

  it('still joins a link a chat app split with a zero-width space before its //', () => {
    const [first] = parseShareText(
      '【淘宝】https:\u200b//e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt CZ356 「书桌」',
    );
    expect(first).toMatchObject({
      url: 'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt',
      token: 'nyXpT7VA7lt',
    });
  });
});

describe('parseShareText: AliExpress and YouTube share texts, Bilibili section tails', () => {
  it.each([
    {
      name: "AliExpress's title after the price (corpus #2, a README's Where to Buy list)",
      text: 'I just found this on AliExpress: THB229.89 | 1-10pcs ESP32 WROOM-32 ESP32-S Development Board WiFi+Bluetooth-compatible TYPE-C ESP32 30Pin ESP32 Nodemcu Development Module  \nhttps://a.aliexpress.com/_oDbdH0o',
      want: {
        platform: 'aliexpress',
        url: 'https://a.aliexpress.com/_oDbdH0o',
        title:
          '1-10pcs ESP32 WROOM-32 ESP32-S Development Board WiFi+Bluetooth-compatible TYPE-C ESP32 30Pin ESP32 Nodemcu Development Module',
      },
    },
    {
      name: "the Spanish app's text with an empty price (search index id 55706338245)",
      text: 'He encontrado esto en AliExpress: | Teclado mecánico…  https://a.aliexpress.com/_EuRncWI',
      want: { platform: 'aliexpress', url: 'https://a.aliexpress.com/_EuRncWI', title: 'Teclado mecánico…' },
    },
    {
      name: 'an AliExpress title with no price, the link glued to its end (corpus #0)',
      text: 'I just found this on AliExpress:\n1-8pcs LiitoKala 60145 60140 3.2V 50Ah LifePo4 battery for diy golf carthttps://a.aliexpress.com/_mPkQRYF',
      want: {
        platform: 'aliexpress',
        url: 'https://a.aliexpress.com/_mPkQRYF',
        title: '1-8pcs LiitoKala 60145 60140 3.2V 50Ah LifePo4 battery for diy golf cart',
      },
    },
    {
      name: 'an AliExpress text whose link line was left out (corpus #7)',
      text: 'I just found this on AliExpress: \n￡28.59 | 4-20mA 0-10V 0-5V RS485 Submerged Liquid Tank Water Level Sensor Transmitter',
      want: {
        platform: 'aliexpress',
        url: null,
        title: '4-20mA 0-10V 0-5V RS485 Submerged Liquid Tank Water Level Sensor Transmitter',
      },
    },
    {
      name: "YouTube's Watch … on YouTube, a | inside the title (corpus #611, a Telegram bot)",
      text: 'Watch How-To: Basic Harmony | Easy Chord Singing Exercise! on YouTube\nhttps://youtu.be/IR5BeFWQcfQ',
      want: { platform: 'youtube', title: 'How-To: Basic Harmony | Easy Chord Singing Exercise!' },
    },
    {
      name: 'the earlier quoted form Watch "…" on YouTube (search index id 63101935491)',
      text: 'Watch "Never Gonna Give You Up" on YouTube\nhttps://youtu.be/dQw4w9WgXcQ?si=AbC',
      want: { platform: 'youtube', title: 'Never Gonna Give You Up' },
    },
    {
      name: 'a Bilibili bangumi tail -哔哩哔哩番剧】 (search index id 24064442940)',
      text: '【《青春猪头少年不会梦到兔女郎学姐》 第1话 学姐是兔女郎-哔哩哔哩番剧】https://b23.tv/ep251076',
      want: { platform: 'bilibili', title: '《青春猪头少年不会梦到兔女郎学姐》 第1话 学姐是兔女郎' },
    },
    {
      name: 'a Bilibili 国创 tail (corpus #123)',
      text: '【《灵笼 第二季》 30分钟前瞻PV-哔哩哔哩国创】https://b23.tv/ep781831',
      want: { platform: 'bilibili', title: '《灵笼 第二季》 30分钟前瞻PV' },
    },
    {
      name: 'a Bilibili tail with spaces around the dash (search index id 56644786267)',
      text: '- 【Claude Code 从 0 到 1 全攻略：MCP / SubAgent / Hook / 图片 / 后台任务 - 哔哩哔哩】 https://b23.tv/wUtuppp',
      want: {
        platform: 'bilibili',
        title: 'Claude Code 从 0 到 1 全攻略：MCP / SubAgent / Hook / 图片 / 后台任务',
      },
    },
    {
      name: 'a Bilibili title whose opening 【 was lost, from the start of its line (corpus #71)',
      text: '【漫威争锋】简单教学双奶奥创-哔哩哔哩】 https://b23.tv/BV1Gb411c7mK',
      want: { platform: 'bilibili', title: '【漫威争锋】简单教学双奶奥创' },
    },
  ])('reads $name', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject(want);
  });

  it('reads each AliExpress share of a pasted list as its own share (corpus #3 and #4)', () => {
    const text =
      'I just found this on AliExpress: THB48.64 | 5PCS/LOT MAX485 module, RS485 module  \nhttps://a.aliexpress.com/_oFmcUde\n\nI just found this on AliExpress: THB113.50 | JKBMS JIKONG RS485 CAN module  \nhttps://a.aliexpress.com/_oF9ias4';
    expect(parseShareText(text).map((m) => [m.url, m.title])).toEqual([
      ['https://a.aliexpress.com/_oFmcUde', '5PCS/LOT MAX485 module, RS485 module'],
      ['https://a.aliexpress.com/_oF9ias4', 'JKBMS JIKONG RS485 CAN module'],
    ]);
  });

  it('takes no title from 哔哩哔哩 in a sentence that closes no block', () => {
    expect(parseShareText('我在哔哩哔哩看到一个视频 https://b23.tv/BV1Gb411c7mK')[0]?.title).toBeNull();
  });

  it('takes no YouTube title when on YouTube is not on the line of Watch', () => {
    expect(
      parseShareText('Watch this\nand more on YouTube https://youtu.be/IR5BeFWQcfQ')[0]?.title,
    ).toBeNull();
  });
});

describe("parseShareText: a rebate bot's 【推荐理由】 pitch line", () => {
  it.each([
    {
      name: 'corpus #454, a rebate service test',
      text: '9安慕斯儿童牙刷小孩软毛牙刷牙膏乳牙宝宝婴幼儿牙刷3-6-12岁以上\n【推荐理由】30天热卖9千+, 回头客超1百, 满2件打7.5折, 赠送运费险退货无忧!\n【券后价】 7.9 元\n【优惠券】 12 元\n\n5fu😄質3$FbOzd8kUAFb$:// ZH9102,打開/',
      want: { token: 'FbOzd8kUAFb', title: '9安慕斯儿童牙刷小孩软毛牙刷牙膏乳牙宝宝婴幼儿牙刷3-6-12岁以上' },
    },
    {
      name: 'another product of the same bot, a 【包邮】 label after the title (search index id 14397769335)',
      text: '7英氏婴儿洗衣液宝宝专用儿童清洗液新生婴幼儿内衣裤清洁剂bb皂液【包邮】\n【推荐理由】30天热卖3万+, 回头客超1千, 赠送运费险退货无忧!\n【券后价】 49 元\n【优惠券】 10 元\n\n7輹👋Zhi8$p7kr2vC0jOX$:// CZ6135,打開/',
      want: { token: 'p7kr2vC0jOX', title: '7英氏婴儿洗衣液宝宝专用儿童清洗液新生婴幼儿内衣裤清洁剂bb皂液' },
    },
  ])('is not the title: the line above it is ($name)', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject({ platform: 'taobao', ...want });
  });
});

describe('parseShareText: Xiaohongshu codes whose 😆 marks were lost', () => {
  it.each([
    {
      name: 'a share without its link, the marks gone (corpus #644, a comment)',
      text: '11 晶晶日用百货发布了一篇小红书笔记，快来看吧！  f4LEscuVCVqwm9V  ，复制本条信息，打开【小红书】App查看精彩内容！',
      want: { platform: 'xiaohongshu', url: null, token: 'f4LEscuVCVqwm9V' },
    },
    {
      name: 'a share with its link, the marks turned into ? (search index id 25382159535, marks replaced)',
      text: '15 因吹斯汀发布了一篇小红书笔记，快来看吧！ ? SN7fWpcevhCN7Q4 ? http://xhslink.com/a/8AMzWCjxuowgb 复制本条信息，打开【小红书】App查看精彩内容！',
      want: { platform: 'xiaohongshu', url: 'http://xhslink.com/a/8AMzWCjxuowgb', token: 'SN7fWpcevhCN7Q4' },
    },
  ])('reads the code by the app sentence: $name', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject(want);
  });

  it('takes no word of the text for the code', () => {
    const [first] = parseShareText(
      '66 Information发布了一篇小红书笔记，快来看吧！ https://xhslink.com/a/AbCdEF，复制本条信息打开小红书',
    );
    expect(first).toMatchObject({ platform: 'xiaohongshu', token: null });
  });
});

describe('parseShareText: 「」 that name the app or hold boilerplate are no title', () => {
  it.each([
    {
      name: "a rebate site's coupon command (corpus #541)",
      text: '复制框内整段文字，打开「手淘」即可「领取优惠券」并购买￥2RY707LmQOr￥',
      want: { platform: 'taobao', token: '2RY707LmQOr', title: null },
    },
    {
      name: 'the same command with another code, from a code comment (corpus #617)',
      text: '复制框内整段文字，打开「手淘」即可「领取优惠券」并购买￥MDGGba1MLQh￥',
      want: { platform: 'taobao', token: 'MDGGba1MLQh', title: null },
    },
    {
      name: 'a Xianyu share whose 「快来捡漏」 wraps nothing (corpus #585)',
      text: '【闲鱼】https://m.tb.cn/h.RT9Lh91?tk=i31S5yHWj6i tG-#22&gt;lD 「快来捡漏」',
      want: { platform: 'xianyu', token: 'i31S5yHWj6i', title: null },
    },
    {
      name: 'another bare 「快来捡漏」 share with a channel code (search index id 55271044569)',
      text: '【闲鱼】https://m.tb.cn/h.RApXk8g?tk=23c6gpyyIvc HU108 「快来捡漏」',
      want: { platform: 'xianyu', token: '23c6gpyyIvc', code: 'HU108', title: null },
    },
  ])('reads $name', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject(want);
  });
});

describe('parseShareText: Douyin noise the way later pastes carry it', () => {
  it.each([
    {
      name: 'a 2021 noise score glued to the caption of a share without codes',
      text: '6p.-今天的晚霞也太好看了吧%晚霞 %日落  https://v.douyin.com/eXm7Lp2/ 复zhi此鏈接，打開Dou音搜索，直接观看视频！',
      want: { platform: 'douyin', token: null, title: '今天的晚霞也太好看了吧%晚霞 %日落' },
    },
    {
      name: 'a noise score of letters and dashes before a quoted caption',
      text: '2-k“周末去哪儿”%旅行  https://v.douyin.com/eXm7Lp3/ 复制此链接，打开Dou音搜索，直接观看视频！',
      want: { platform: 'douyin', title: '“周末去哪儿”%旅行' },
    },
    {
      name: 'a caption that starts with a size or a network name, which is no noise',
      text: '3.5寸的小屏手机还有人用吗  https://v.douyin.com/eXm7Lp4/ 复制此链接，打开Dou音搜索，直接观看视频！',
      want: { platform: 'douyin', title: '3.5寸的小屏手机还有人用吗' },
    },
    {
      name: 'a caption after the 2019 lead-in that starts with 4k, which is no noise',
      text: '#在抖音，记录美好生活#4k60帧的晚霞 http://v.douyin.com/Ab3dEf/ 复制此链接，打开【抖音短视频】，直接观看视频！',
      want: { platform: 'douyin', title: '4k60帧的晚霞' },
    },
    {
      name: 'a caption that starts with a year',
      text: '2021年度最好看的十部电影  https://v.douyin.com/eXm7Lp5/ 复制此链接，打开Dou音搜索，直接观看视频！',
      want: { platform: 'douyin', title: '2021年度最好看的十部电影' },
    },
    {
      name: 'a noise score of two digits, or of a digit and upper-case letters, glued to the caption',
      text: '47一起去看海吧%旅行  https://v.douyin.com/eXm7Lp6/ 复制此链接，打开Dou音搜索，直接观看视频！\n1OK今晚的月亮%月亮  https://v.douyin.com/eXm7Lp7/ 复制此链接，打开Dou音搜索，直接观看视频！',
      want: { platform: 'douyin', title: '一起去看海吧%旅行' },
    },
    {
      name: 'a noise score with a colon and slash before the caption',
      text: '6:/ 晚风很温柔%晚霞  https://v.douyin.com/eXm7Lp8/ 复制此链接，打开Dou音搜索，直接观看视频！',
      want: { platform: 'douyin', title: '晚风很温柔%晚霞' },
    },
    {
      name: 'a noise code that a Markdown editor turned into a mail link',
      text: '2.16 晚饭吃什么 https://v.douyin.com/AbCdEfG/ 复制此链接，打开Dou音搜索，直接观看视频！ [k@P.xq](mailto:k@P.xq) Tzm:/ 12/03',
      want: { platform: 'douyin', token: 'k@P.xq Tzm:/', title: '晚饭吃什么' },
    },
  ])('reads $name', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject(want);
  });
});

describe('parseShareText: a 【 left open', () => {
  it('reads the 淘口令 after a link inside a 【 that is never closed', () => {
    const text =
      '【天猫年货节，抢大额红包！戳链接：https://m.tb.cn/h.AbCdEf 或复制这段话￥Kp8xQ2mZr4T￥打开手淘';
    expect(parseShareText(text)[0]).toMatchObject({ platform: 'taobao', token: 'Kp8xQ2mZr4T' });
  });

  it('still reads no token from a title in a 【 left open without a link', () => {
    const text = '【Apple/苹果 Pro15Max256 全网通\nhttps://m.tb.cn/h.AbCdEf';
    expect(parseShareText(text)[0]).toMatchObject({ platform: 'taobao', token: null });
  });
});

describe("parseShareText: Douyin's iOS command without a link", () => {
  it('reads the code between its Э marks as the token and the caption after the author block as the title', () => {
    const text = '7o:/ 复制打开抖音，看看【山里的阿杰的作品】冬天的第一场雪# 下雪了 # 治愈 ЭQm3xT8pLk2Wv9Э';
    expect(parseShareText(text)).toMatchObject([
      { platform: 'douyin', url: null, token: 'Qm3xT8pLk2Wv9', title: '冬天的第一场雪# 下雪了 # 治愈' },
    ]);
  });

  it('takes no run between other marks for a Douyin code', () => {
    expect(parseShareText('复制打开抖音，看看 ¤Qm3xT8pLk2Wv9¤')).toEqual([]);
  });
});

describe('parseShareText: a bare product name before a Taobao link (2016)', () => {
  it.each([
    {
      name: 'a product name, a link and the 复制整段信息 tail',
      text: '北欧实木餐桌椅组合小户型长方形饭桌 http://b.mashort.cn/h.Zq8Rk2?sm=1a2b3c (复制整段信息，打开手机淘宝可直接访问)',
      want: { platform: 'taobao', title: '北欧实木餐桌椅组合小户型长方形饭桌' },
    },
    {
      name: 'a product name and a 2016 m.tb.cn link alone',
      text: 'Xiaomi/小米 红米Note4X 全网通 4G手机 http://m.tb.cn/G.Ab3d',
      want: { platform: 'taobao', title: 'Xiaomi/小米 红米Note4X 全网通 4G手机' },
    },
    {
      name: 'a label ending in a colon, which is no title',
      text: '下单链接：https://m.tb.cn/h.Zq8Rk2Lm',
      want: { platform: 'taobao', title: null },
    },
    {
      name: 'a command with its token before the link, which is no title',
      text: '27🗝Hn4Jd8Ks2Lq£ https://m.tb.cn/h.Zq8Rk2Lm',
      want: { platform: 'taobao', token: 'Hn4Jd8Ks2Lq', title: null },
    },
    {
      name: 'a slogan after the 【淘宝】 marker, which is no title',
      text: '【淘宝】正品保障 https://e.tb.cn/h.Zq8Rk2LmNp?tk=Hn4Jd8Ks2Lq',
      want: { platform: 'taobao', token: 'Hn4Jd8Ks2Lq', title: null },
    },
  ])('reads $name', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject(want);
  });
});

describe('parseShareText: the block after "open" names an app, not a title', () => {
  it.each([
    {
      name: 'an obfuscated app name after an obfuscated 打开',
      text: '椱淛这段話 €Rt5Kq8Zm2Wp€ 然後咑閞【τao寶APP】',
      want: { platform: 'taobao', token: 'Rt5Kq8Zm2Wp', title: null },
    },
    {
      name: 'a link-less command pasted twice',
      text: '复制这句话 ₴Rt5Kq8Zm2Wp₴ 打开【手机τao宝】复制这句话 ₴Rt5Kq8Zm2Wp₴ 打开【手机τao宝】',
      want: { platform: 'taobao', token: 'Rt5Kq8Zm2Wp', title: null },
    },
    {
      name: 'a product block before the command, which stays the title',
      text: '【加厚珊瑚绒毛毯】复制这句话 ₴Rt5Kq8Zm2Wp₴ 打開【淘宝】',
      want: { platform: 'taobao', token: 'Rt5Kq8Zm2Wp', title: '加厚珊瑚绒毛毯' },
    },
  ])('reads $name', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject(want);
  });
});

describe("parseShareText: the sharer's comment before Douyin's lead-in", () => {
  it('takes the caption after the lead-in, not the commented block before it', () => {
    const text =
      '2.37 【这个视频绝了】复制打开抖音👀周末露营的正确打开方式# 露营 # 户外  https://v.douyin.com/AbCdEfGhIjK/ k@Q.ab 06/28 QwE:/';
    expect(parseShareText(text)[0]).toMatchObject({
      platform: 'douyin',
      token: 'k@Q.ab QwE:/',
      title: '周末露营的正确打开方式# 露营 # 户外',
    });
  });

  it("still takes the author's block after the lead-in", () => {
    const text =
      '2.37 复制打开抖音，看看【露营的阿杰的作品】周末露营# 露营  https://v.douyin.com/AbCdEfGhIjK/ QwE:/';
    expect(parseShareText(text)[0]).toMatchObject({ title: '周末露营# 露营' });
  });
});

describe('parseShareText: a Douyin share pasted twice', () => {
  it('reports a noise code seen twice in the window once', () => {
    const text =
      '3.21 Kpq:/ 复制打开抖音，看看【阿杰的作品】海边日落# 旅行  https://v.douyin.com/Xy7Ab3c/ 3.21 Kpq:/ 复制打开抖音，看看【阿杰的作品】海边日落# 旅行  https://v.douyin.com/Xy7Ab3c/';
    const shares = parseShareText(text);
    expect(shares).toHaveLength(2);
    expect(shares[0]).toMatchObject({ platform: 'douyin', token: 'Kpq:/', title: '海边日落# 旅行' });
  });
});

describe('parseShareText: Kuaishou "tags before the link', () => {
  it('ends the caption at the first "tag, as it does after the link', () => {
    const text =
      '周末带娃去露营 "亲子时光 "露营 https://v.kuaishou.com/Ab3xYz 复制此消息，打开【快手】直接观看！';
    expect(parseShareText(text)[0]).toMatchObject({ platform: 'kuaishou', title: '周末带娃去露营' });
  });

  it('keeps a caption without tags whole', () => {
    const text = '周末带娃去露营 https://v.kuaishou.com/Ab3xYz 复制此消息，打开【快手】直接观看！';
    expect(parseShareText(text)[0]).toMatchObject({ title: '周末带娃去露营' });
  });
});

describe('parseShareText: Douyin shares one after another on one line', () => {
  it("splits at the next share's score, so each keeps its own codes and caption", () => {
    const text =
      '1.23 Abc:/ 海边日落 https://v.douyin.com/AbC1x/ 复制此链接，打开Dou音搜索，直接观看视频！ 4.56 Xyz:/ 山顶云海 https://v.douyin.com/XyZ2y/ 复制此链接，打开Dou音搜索，直接观看视频！';
    expect(parseShareText(text)).toMatchObject([
      { platform: 'douyin', token: 'Abc:/', title: '海边日落' },
      { platform: 'douyin', token: 'Xyz:/', title: '山顶云海' },
    ]);
  });

  it('splits the 2025 layout whose codes follow the link', () => {
    const text =
      '4.69 海边日落 https://v.douyin.com/AbC1x/ s@E.us 06/28 ULW:/ 3.21 复制打开抖音，看看【阿杰的作品】山顶云海 https://v.douyin.com/XyZ2y/ k@Q.ab 06/29 QwE:/';
    expect(parseShareText(text)).toMatchObject([
      { token: 's@E.us ULW:/', title: '海边日落' },
      { token: 'k@Q.ab QwE:/', title: '山顶云海' },
    ]);
  });

  it('does not split one share at a price in its caption', () => {
    const text =
      '1.23 Abc:/ 这件外套只要 9.99 元 https://v.douyin.com/AbC1x/ 复制此链接，打开Dou音搜索，直接观看视频！';
    expect(parseShareText(text)).toMatchObject([{ token: 'Abc:/', title: '这件外套只要 9.99 元' }]);
  });
});

describe("parseShareText: JD's 2020–22 京口令 commands", () => {
  it.each([
    {
      name: 'the 复制整段话 layout with its decoy http:/J word, a sentence and a code between # and @',
      text: '26.0复制整段话 Http:/JqW3eRt5yU7iOp 双十一狂欢，一起瓜分五亿京豆！#Kx8mP2vN6qa@咑開崬京app',
      want: { platform: 'jd', url: null, token: 'Kx8mP2vN6qa', title: '双十一狂欢，一起瓜分五亿京豆！' },
    },
    {
      name: 'the decoy glued to the sentence and a code between ￥ and %',
      text: '21.0复制整段话 https:/JaB3cD4eF5gH6i年货节红包天天领￥Zq7Wm3Xc9Pb2%去→亰岽',
      want: { platform: 'jd', token: 'Zq7Wm3Xc9Pb2', title: '年货节红包天天领' },
    },
    {
      name: 'the score-colon layout with the code first: no title',
      text: '17:/#Tn6Rb2Vs8Lq4Ya%，✨一起来领新年红包！',
      want: { platform: 'jd', token: 'Tn6Rb2Vs8Lq4Ya', title: null },
    },
    {
      name: 'the score-colon layout with the sentence first, and an 11-character code that is not a 淘口令',
      text: '14:/邀你一起组队瓜分京豆，￥Hq4Zr8Mc2Wd￥ ，【京ヾD○ōng】',
      want: { platform: 'jd', token: 'Hq4Zr8Mc2Wd', title: '邀你一起组队瓜分京豆' },
    },
  ])('reads $name', ({ text, want }) => {
    expect(parseShareText(text)).toMatchObject([want]);
  });

  it('still reads an 11-character code after ￥ on a line without the score as a 淘口令', () => {
    expect(parseShareText('复制这条信息￥Hq4Zr8Mc2Wd￥后打开手淘')).toMatchObject([
      { platform: 'taobao', token: 'Hq4Zr8Mc2Wd' },
    ]);
  });
});

describe('parseShareText: a bare caption or product name before the link (Amazon, Weibo, AliExpress 2017–18)', () => {
  it.each([
    {
      name: "Amazon's app share: the product title before the short link",
      text: 'Kitchen Scale Digital 5kg with LCD Display, Stainless Steel https://amzn.eu/d/3xYzAbC',
      want: { platform: 'amazon', title: 'Kitchen Scale Digital 5kg with LCD Display, Stainless Steel' },
    },
    {
      name: 'a title that starts with a number, which is no Douyin score there',
      text: '2 Pack USB-C Cables 1m https://www.amazon.com/dp/B0ABCDEF12/ref=cm_sw_r_cp_api_abc',
      want: { platform: 'amazon', title: '2 Pack USB-C Cables 1m' },
    },
    {
      name: "Amazon's own sentence, which is no title",
      text: 'Mira lo que encontré en Amazon https://a.co/d/5pQrStU',
      want: { platform: 'amazon', title: null },
    },
    {
      name: "a Weibo post's text before its t.cn link",
      text: '今天的晚霞也太美了吧[哇] http://t.cn/A6abCdEf ​​​',
      want: { platform: 'weibo', title: '今天的晚霞也太美了吧[哇]' },
    },
    {
      name: "AliExpress's 2017–18 share: the title on the line above the link",
      text: 'Mini Drill Press Stand for Rotary Tool\n http://s.aliexpress.com/aBcDeFgH\n(from AliExpress Android)',
      want: { platform: 'aliexpress', title: 'Mini Drill Press Stand for Rotary Tool' },
    },
    {
      name: "AliExpress's sentence above the link, which is no title",
      text: 'Regarde ce que j’ai trouvé sur AliExpress\n http://s.aliexpress.com/aBcDeFgH',
      want: { platform: 'aliexpress', title: null },
    },
  ])('reads $name', ({ text, want }) => {
    expect(parseShareText(text)[0]).toMatchObject(want);
  });
});

describe('parseShareText: Xiaohongshu and Kuaishou details', () => {
  it('reads a Xiaohongshu PC title whose 【 the paste lost, up to the author', () => {
    const text =
      '周末去露营的装备清单 - 小鹿的日常 | 小红书 - 你的生活指南】https://www.xiaohongshu.com/discovery/item/6464aea3000000001303f52b';
    expect(parseShareText(text)[0]).toMatchObject({ platform: 'xiaohongshu', title: '周末去露营的装备清单' });
  });

  it('reads a 17-character Xiaohongshu code between its 😆 marks', () => {
    const text =
      '阿杰发布了一篇小红书笔记，快来看吧！ 😆 Qw3eRt5yU7iOp9aSd 😆 http://xhslink.com/a/Qb6N47BGvhBZ ，复制本条信息，打开【小红书】App查看精彩内容！';
    expect(parseShareText(text)[0]).toMatchObject({
      platform: 'xiaohongshu',
      token: 'Qw3eRt5yU7iOp9aSd',
      title: null,
    });
  });

  it("gives a Kuaishou live room's URL-first share no title", () => {
    const text =
      'https://v.kuaishou.com/Ab3xYz 小鹿姐姐的直播很精彩，快来围观！点击链接，打开【快手】直接观看！';
    expect(parseShareText(text)[0]).toMatchObject({ platform: 'kuaishou', title: null });
  });

  it('does not take the campaign sentence above a Taobao link and its 淘口令 for a title', () => {
    const text =
      '周末来点奶茶吧~\nhttps://m.tb.cn/h.AbCdEfG\n复制这条信息，$Hq4Zr8Mc2Wd$，到【手机淘宝】即可查看';
    expect(parseShareText(text)[0]).toMatchObject({ platform: 'taobao', token: 'Hq4Zr8Mc2Wd', title: null });
  });
});

describe('parseShareText: capitalised words run together are no 淘口令', () => {
  it('reads a Douyin caption naming a project in CamelCase as the caption, not a Taobao code', () => {
    const text =
      '3.12 复制打开抖音，看看【码农小刘的作品】开源神器 ChatNextWeb，一周破万星 https://v.douyin.com/AbCdEfGhIjK/ 03/12 k@Q.ab QwE:/';
    expect(parseShareText(text)).toMatchObject([
      { platform: 'douyin', token: 'k@Q.ab QwE:/', title: '开源神器 ChatNextWeb，一周破万星' },
    ]);
  });
});

describe('parseShareText: prose is no share (session 5 false positives)', () => {
  it.each([
    ['a score-like time and a run of capitals in prose', '12:/ 今天天气不错 ABCDEFGHIJ 出去玩'],
    ['复制整段话 without a code', '24.0复制整段话 我们明天见面吧'],
    ['a score and sentence without a code', '18:/听我说 明天一起去爬山吧'],
  ])('reads no share in %s', (_name, text) => {
    expect(parseShareText(text)).toEqual([]);
  });

  it("reads no share in prose with a run of letters and digits next to some site's link", () => {
    expect(parseShareText('会议时间 10:30 地址 https://example.com/a 联系人 ABCdef12345')).toEqual([]);
  });

  it("still reads a delimited 淘口令 next to some site's link", () => {
    expect(parseShareText('复制这条信息￥ABCdef12345￥ https://example.com/a')).toMatchObject([
      { platform: 'taobao', token: 'ABCdef12345' },
    ]);
  });
});
