// @actions/exec, loaded the first time one of these is read (see scripts/build.ts).
'use strict';
let loaded;
const load = () => (loaded ??= require('./exec.cjs'));
module.exports = { get exec() { return load().exec; }, get getExecOutput() { return load().getExecOutput; } };
