/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	// The require scope
/******/ 	var __nccwpck_require__ = {};
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  closest: () => (/* binding */ closest),
  preflight: () => (/* binding */ preflight),
  repoOfSkill: () => (/* binding */ repoOfSkill)
});

;// CONCATENATED MODULE: ./src/oz/sleep.ts
/** The abort reason as an Error (an AbortController aborted without one gives a DOMException, also an Error). */
function reasonOf(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error(String(reason));
}
/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts. The timer is cleared either
 * way, so nothing is left to hold the process open. (It stays referenced while waiting: an unref'd
 * timer would let Node exit in the middle of a poll.)
 */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(reasonOf(signal));
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(reasonOf(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** Settles with `promise`, or rejects with the signal's reason when it aborts first. */
function raceAbort(promise, signal) {
    if (!signal)
        return promise;
    if (signal.aborted)
        return Promise.reject(reasonOf(signal));
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(reasonOf(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}

;// CONCATENATED MODULE: ./src/run/preflight.ts

/** How long one catalogue read may take before the run goes ahead without it. */
const READ_BUDGET_MS = 10_000;
/** Most ids or names listed in a message. */
const MAX_LISTED = 20;
/**
 * Checks the create's model, environment and skill against the catalogue. `label` names a setting as
 * the user wrote it (`model`, `--model`).
 */
async function preflight(client, create, label, signal) {
    const result = { problems: [], warnings: [], notes: [] };
    const model = create.config?.model_id;
    const environment = create.config?.environment_id;
    const skillRepo = repoOfSkill(create.skill);
    const read = (what, get) => raceAbort(get(), AbortSignal.any([AbortSignal.timeout(READ_BUDGET_MS), ...(signal ? [signal] : [])])).catch((error) => {
        if (signal?.aborted)
            throw error;
        result.notes.push(`Could not read ${what} before the run (${error.message}); creating the run unchecked.`);
        return undefined;
    });
    const [models, environments, skills] = await Promise.all([
        model === undefined ? undefined : read('the models', () => client.listModels()),
        environment === undefined ? undefined : read('the environments', () => client.listEnvironments()),
        skillRepo === undefined ? undefined : read(`the skills of ${skillRepo}`, () => client.listSkills(skillRepo)),
    ]);
    if (model !== undefined && models !== undefined)
        checkModel(model, models, label('model'), result);
    if (environment !== undefined && environments !== undefined)
        checkEnvironment(environment, environments, label('environment'), result);
    if (create.skill !== undefined && skillRepo !== undefined && skills !== undefined)
        checkSkill(create.skill, skillRepo, skills, result);
    return result;
}
function checkModel(id, list, label, result) {
    const found = list.models.find((m) => m.id === id);
    if (found === undefined) {
        const ids = list.models.filter((m) => typeof m.id === 'string').map((m) => m.id);
        const near = closest(id, ids);
        result.problems.push(`${label} '${id}' is not a model this API key can use.${near ? ` Did you mean '${near}'?` : ''} Valid ids: ${listed(ids)}.`);
    }
    else if (found.disable_reason) {
        result.problems.push(`${label} '${id}' cannot be used now: ${reasonText(found.disable_reason)} (${found.disable_reason}).`);
    }
    else {
        result.notes.push(`${label} '${id}' is available.`);
    }
}
function checkEnvironment(id, list, label, result) {
    const found = list.environments.find((e) => e.uid === id);
    if (found === undefined) {
        const known = list.environments
            .filter((e) => typeof e.uid === 'string')
            .map((e) => (e.config?.name ? `${e.config.name} (${e.uid})` : e.uid));
        const near = closest(id, list.environments.map((e) => e.uid));
        result.problems.push(`${label} '${id}' is not an environment this API key can use.${near ? ` Did you mean '${near}'?` : ''} ${known.length > 0 ? `Environments: ${listed(known)}.` : 'The key can use no environment.'}`);
    }
    else if (found.setup_failed === true) {
        const name = found.config?.name ? ` (${found.config.name})` : '';
        result.warnings.push(`The environment ${id}${name} failed during setup on its latest run; this run may fail the same way.`);
    }
    else {
        result.notes.push(`${label} '${id}' is available.`);
    }
}
function checkSkill(skill, repo, list, result) {
    const rest = skill.slice(repo.length + 1);
    const found = list.agents.some((agent) => agent.name === rest ||
        (agent.variants ?? []).some((v) => v.id === skill || (typeof v.id === 'string' && v.id.startsWith(`${repo}:`) && v.id.includes(`/${rest}/`))));
    if (found) {
        result.notes.push(`The skill ${skill} is in ${repo}.`);
        return;
    }
    // A warning, not a problem: a skill's name and its path can differ in ways a list does not show.
    const names = list.agents.map((a) => a.name).filter((n) => typeof n === 'string');
    result.warnings.push(`The skill '${rest}' was not found in ${repo} (${names.length > 0 ? `its skills: ${listed(names)}` : 'no skill found there'}); the run may fail.`);
}
/** `owner/repo` of a skill given as `owner/repo:name` or `owner/repo:path/SKILL.md`; undefined otherwise. */
function repoOfSkill(skill) {
    const match = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+):/.exec(skill ?? '');
    return match?.[1];
}
const REASONS = {
    PROVIDER_OUTAGE: "the model's provider has an outage",
    OUT_OF_REQUESTS: 'the team is out of requests for it',
    ADMIN_DISABLED: 'a team admin turned it off',
    REQUIRES_UPGRADE: "it needs a higher Warp plan than the team's",
};
function reasonText(reason) {
    return REASONS[reason] ?? 'the API says it is disabled';
}
function listed(items) {
    const shown = items.slice(0, MAX_LISTED).join(', ');
    return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown || '(none)';
}
/** The candidate nearest to `value` by edit distance, when it is near enough to be a typo. */
function closest(value, candidates) {
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        if (typeof candidate !== 'string')
            continue;
        const d = distance(value.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance)
            [best, bestDistance] = [candidate, d];
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

module.exports = __webpack_exports__;
/******/ })()
;