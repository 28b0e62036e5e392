export const id = 663;
export const ids = [663];
export const modules = {

/***/ 7663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findCredentials: () => (/* binding */ findCredentials)
/* harmony export */ });
/* harmony import */ var _secretlint_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(198);
/* harmony import */ var _secretlint_secretlint_rule_preset_recommend__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1577);
/**
 * Credentials by pattern, with secretlint's recommended rule preset (GitHub, GitLab, AWS, GCP, Slack,
 * npm, private keys, basic auth, OpenAI, Anthropic, Stripe, ...). Imported on first use (redact.ts),
 * so the bundle has it in a chunk of its own: a step pays for it only when it has text from the agent
 * or the API to publish.
 */


const RULE_PREFIX = '@secretlint/secretlint-rule-';
/**
 * The preset's rules, each on its own: secretlint 13 ignores `disabled` on a rule inside a preset, and
 * the one left out must be off. That is filter-comments, so that a `secretlint-disable` comment in the
 * agent's text cannot switch the detector off.
 */
const CONFIG = {
    rules: _secretlint_secretlint_rule_preset_recommend__WEBPACK_IMPORTED_MODULE_1__/* .rules */ .a
        .filter((rule) => rule.meta.id !== `${RULE_PREFIX}filter-comments`)
        .map((rule) => ({
        id: rule.meta.id,
        rule,
        // Access key ids too, not only secret keys: an id names the account to attack.
        ...(rule.meta.id === `${RULE_PREFIX}aws` && { options: { enableIDScanRule: true } }),
    })),
};
/**
 * Kinds the preset does not know, as published formats: Warp API keys (`wk-`, the Oz API spec) and
 * Google API keys (`AIza` + 35, Google's documented form; the preset's GCP rule finds service-account
 * JSON only). The only patterns written here.
 */
const EXTRA = [
    { kind: 'warp key', pattern: /(?<![A-Za-z0-9_-])wk-[A-Za-z0-9._-]{16,}/g },
    { kind: 'gcp key', pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g },
];
/** Words for a rule's kind; a rule not listed is named after its id (`stripe` → `stripe secret`). */
const KINDS = {
    github: 'github token',
    gitlab: 'gitlab token',
    aws: 'aws key',
    gcp: 'gcp key',
    slack: 'slack token',
    npm: 'npm token',
    privatekey: 'private key',
    'secp256k1-privatekey': 'private key',
    basicauth: 'password in url',
    'database-connection-string': 'database password',
    openai: 'openai key',
    anthropic: 'anthropic key',
    sendgrid: 'sendgrid key',
};
function kindOf(ruleId) {
    const name = (ruleId ?? '').replace(RULE_PREFIX, '');
    return KINDS[name] ?? `${name.replace(/-/g, ' ') || 'unknown'} secret`;
}
/** Every credential found in `text`, by the preset and the extra patterns; ranges may overlap. */
async function findCredentials(text) {
    // JSON (a structured answer) is also read as a .json file: the GCP rule looks for service-account keys there.
    const json = /^\s*[[{]/.test(text);
    const result = await (0,_secretlint_core__WEBPACK_IMPORTED_MODULE_0__/* .lintSource */ .n)({
        source: { content: text, filePath: json ? '/published.json' : '/published.md', ext: json ? '.json' : '.md', contentType: 'text' },
        options: { config: CONFIG, noPhysicFilePath: true },
    });
    const found = result.messages.map((m) => ({ start: m.range[0], end: m.range[1], kind: kindOf(m.ruleId) }));
    for (const { kind, pattern } of EXTRA) {
        for (const match of text.matchAll(pattern))
            found.push({ start: match.index, end: match.index + match[0].length, kind });
    }
    return found;
}


/***/ })

};
