// undici, loaded the first time one of these is read (see scripts/build.ts).
'use strict';
let loaded;
const load = () => (loaded ??= require('./undici.cjs'));
module.exports = { get ProxyAgent() { return load().ProxyAgent; }, get fetch() { return load().fetch; } };
