// WeCom's gettoken (91039) token is cached by the cache both platforms share.
export { AccessTokenCache, type FetchToken } from '../access-token-cache.ts';
