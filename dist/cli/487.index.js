export const id = 487;
export const ids = [487];
export const modules = {

/***/ 1487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileSchema: () => (/* binding */ compileSchema)
/* harmony export */ });
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var ajv_dist_2019_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(878);
/* harmony import */ var ajv_dist_2019_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(ajv_dist_2019_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2210);
/* harmony import */ var ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_2__);
/**
 * JSON Schema validation with Ajv. Imported on first use (primitives.ts), so the bundle has it in a
 * chunk of its own: only runs with an output schema pay for it.
 */



/** Compiles `schema` for its draft (2020-12, 2019-09, else draft-07). Throws, saying where and why, when it is not a valid schema. */
function compileSchema(schema) {
    const draft = typeof schema.$schema === 'string' ? schema.$schema : '';
    const options = { allErrors: true, strict: false };
    const ajv = draft.includes('2020-12') ? new ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_2__.Ajv2020(options) : draft.includes('2019-09') ? new ajv_dist_2019_js__WEBPACK_IMPORTED_MODULE_1__.Ajv2019(options) : new ajv__WEBPACK_IMPORTED_MODULE_0__.Ajv(options);
    // Checked against the meta-schema first: Ajv's own text for a bad schema ("data/type must be array,
    // data/type must match a schema in anyOf") shows neither the value nor what would be right.
    if (ajv.validateSchema(schema) === false)
        throw new Error(describeSchemaErrors(schema, ajv.errors ?? []));
    const validate = ajv.compile(schema);
    return (value) => validate(value)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath === '' ? '(the object)' : e.instancePath}: ${e.message ?? 'is not valid'}`);
}
/** `/properties/a/type` of `schema`, or undefined. */
function at(schema, pointer) {
    let value = schema;
    for (const part of pointer.split('/').slice(1)) {
        const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
        value = typeof value === 'object' && value !== null ? value[key] : undefined;
    }
    return value;
}
/**
 * One sentence per place in the schema that is wrong: the place, the value found there, and what it
 * must be (`/type is "objekt"; it must be one of array, boolean, ...`). The first error of a place is
 * the most specific one; the others there (`anyOf`) only repeat it.
 */
function describeSchemaErrors(schema, errors) {
    const seen = new Set();
    const parts = [];
    for (const error of errors) {
        if (seen.has(error.instancePath))
            continue;
        seen.add(error.instancePath);
        const where = error.instancePath === '' ? 'the schema' : error.instancePath;
        const found = JSON.stringify(at(schema, error.instancePath)) ?? 'nothing';
        const allowed = error.params.allowedValues;
        const must = error.keyword === 'enum' && allowed ? `must be one of ${allowed.join(', ')}` : (error.message ?? 'is not valid');
        parts.push(`${where} is ${found.length > 60 ? `${found.slice(0, 57)}...` : found}; it ${must}`);
    }
    return parts.join('; ');
}


/***/ })

};
