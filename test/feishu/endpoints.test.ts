import { describe, expect, it } from 'vitest';
import { interviewPath, resolveBaseUrl } from '../../src/feishu/endpoints.js';

describe('resolveBaseUrl', () => {
  it('picks the domain, and lets --base-url override it', () => {
    expect(resolveBaseUrl('feishu', undefined).origin).toBe('https://open.feishu.cn');
    expect(resolveBaseUrl('lark', undefined).origin).toBe('https://open.larksuite.com');
    expect(resolveBaseUrl('feishu', 'http://127.0.0.1:8080').origin).toBe('http://127.0.0.1:8080');
    expect(resolveBaseUrl('feishu', 'http://localhost:8080').origin).toBe('http://localhost:8080');
  });

  it('refuses plain http to anything but loopback', () => {
    expect(() => resolveBaseUrl('feishu', 'http://open.feishu.cn')).toThrow(
      expect.objectContaining({ code: 'USAGE_INSECURE_BASE_URL' }),
    );
    expect(() => resolveBaseUrl('feishu', 'http://10.0.0.5')).toThrow(
      expect.objectContaining({ code: 'USAGE_INSECURE_BASE_URL' }),
    );
    expect(() => resolveBaseUrl('feishu', 'https://open.feishu.cn/open-apis')).toThrow(
      expect.objectContaining({ code: 'USAGE_BAD_BASE_URL' }),
    );
  });

  it('puts the id in the path as text', () => {
    expect(interviewPath('7000000000000000001')).toBe('/open-apis/hire/v1/external_interviews/7000000000000000001');
  });
});
