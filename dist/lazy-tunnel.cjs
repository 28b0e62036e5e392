// tunnel, loaded the first time one of these is read (see scripts/build.ts).
'use strict';
let loaded;
const load = () => (loaded ??= require('./tunnel.cjs'));
module.exports = { get httpOverHttp() { return load().httpOverHttp; }, get httpsOverHttp() { return load().httpsOverHttp; }, get httpOverHttps() { return load().httpOverHttps; }, get httpsOverHttps() { return load().httpsOverHttps; } };
