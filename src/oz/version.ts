/** The action's version, sent in the User-Agent. A test keeps it equal to package.json's. */
export const VERSION = '1.0.0';

export const USER_AGENT = `oz-agent-action/${VERSION} node/${process.versions.node}`;

/** The CLI's User-Agent: the same version, its own product name. */
export const CLI_USER_AGENT = `oz-agent-run/${VERSION} node/${process.versions.node}`;
