import { describe, expect, it } from 'vitest';
import { parseShareText } from '../src/index.js';

/*
 * Layouts of the smaller platforms' rows (Alipay, 1688, Pinduoduo, Meituan), each on a text written for the test in
 * the layout of a real corpus entry (named beside it).
 */

describe('parseShareText: Alipay red-packet commands, 1688 吱口令, Pinduoduo cash commands, Meituan shop shares', () => {
  it.each([
    {
      name: 'an Alipay red-packet search code, a share without a 吱口令 (like corpus #1054)',
      text: '春节红包来了！打开支付宝首页搜“987654321”，最高可领99元',
      want: { platform: 'alipay', url: null, token: null },
    },
    {
      name: 'a 吱口令 that sends the reader to the newest Alipay (like corpus #1062)',
      text: '双十二红包天天领！复制此消息，打开最新版支付宝就能领取！aB3dE5gH7k',
      want: { platform: 'alipay', token: 'aB3dE5gH7k' },
    },
    {
      name: 'a 1688 item as a 吱口令 for 手机阿里, even with a Taobao-length code (like corpus #1165)',
      text: '吱口令：【加厚帆布收纳箱大号】￥Ab3Cd5Ef7Gh￥，复制这条信息，打开【手机阿里】即可查看。',
      want: { platform: '1688', url: null, token: 'Ab3Cd5Ef7Gh', title: '加厚帆布收纳箱大号' },
    },
    {
      name: 'a Pinduoduo command between ⇥ and ⇤ (like corpus #961)',
      text: '帮我砍一刀，免费拿！⇥Xy7Kp2Qw9RtZ⇤复制本条信息，打开拼多多App就能帮我',
      want: { platform: 'pinduoduo', url: null, token: 'Xy7Kp2Qw9RtZ' },
    },
    {
      name: 'a Meituan shop share naming the shop in its first 【】 (like corpus #1267)',
      text: '【老街麻辣烫（万达店）】快来试试这家店吧！【地址：滨江路8号】@美团 http://dpurl.cn/Ab3dEf7h',
      want: { platform: 'meituan', url: 'http://dpurl.cn/Ab3dEf7h', title: '老街麻辣烫（万达店）' },
    },
  ])('reads $name', ({ text, want }) => {
    expect(parseShareText(text)).toMatchObject([want]);
  });

  it('reads a ￥-delimited code as 1688 only when the text names 手机阿里', () => {
    const text = '【加厚帆布收纳箱大号】￥Ab3Cd5Ef7Gh￥，复制这条信息，打开【手机淘宝】即可查看。';
    expect(parseShareText(text)).toMatchObject([{ platform: 'taobao', token: 'Ab3Cd5Ef7Gh' }]);
  });

  it('takes no Pinduoduo code between ⇥ and ⇤ when the text does not name Pinduoduo', () => {
    expect(parseShareText('今天的暗号是⇥Xy7Kp2Qw9RtZ⇤，别告诉别人')).toEqual([]);
  });

  it('takes no title from a Meituan deal sentence without 【】', () => {
    const [m] = parseShareText('在美团发现这个团购很不错哦！仅售99元！ @美团 http://dpurl.cn/Ab3dEf7h');
    expect(m).toMatchObject({ platform: 'meituan', title: null });
  });
});
