#!/usr/bin/env node
// Independent endpoint count of the OpenAPI example documents, for
// tests/core/openapi/TestOpenApiExamples: for every *.json / *.yaml under
// <examples>/{2.0,3.0,3.1}/, the number of (path, HTTP method) pairs and per
// pair its parameters, response statuses and (OpenAPI 3) request body
// content types, read with node's own JSON.parse and js-yaml only (no
// OpenAPI library, none of HiveMind's code). Local $refs of path items,
// parameters and request bodies are followed.
//
//   node count-openapi-endpoints.js <examples dir> <js-yaml dir> <out.json>
'use strict';
const fs = require('fs');
const path = require('path');

const [examples, jsYamlDir, out] = process.argv.slice(2);
if (!examples || !jsYamlDir || !out) {
    console.error('usage: count-openapi-endpoints.js <examples dir> <js-yaml dir> <out.json>');
    process.exit(2);
}
const yaml = require(jsYamlDir);
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function pointer(root, ref) {
    let node = root;
    for (const raw of decodeURIComponent(ref.slice(2)).split('/')) {
        const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (node === null || typeof node !== 'object' || !(token in node)) return undefined;
        node = node[token];
    }
    return node;
}

function deref(doc, value) {
    let item = value;
    for (let hops = 0; item && typeof item.$ref === 'string' && item.$ref.startsWith('#/') && hops < 32; ++hops)
        item = pointer(doc, item.$ref);
    return item;
}

// Per endpoint ("METHOD path"): the places and names of its parameters
// (path level and operation level, the operation's winning for the same
// name + in; Swagger's body and formData left out), sorted; the status keys
// of its responses, sorted; and for OpenAPI 3 the content types of its
// request body.
function endpoints(doc) {
    const paths = (doc && typeof doc.paths === 'object' && doc.paths) || {};
    const out = {};
    for (const [key, value] of Object.entries(paths)) {
        if (key.startsWith('x-')) continue;
        const item = deref(doc, value);
        if (!item || typeof item !== 'object') continue;
        const pathParams = Array.isArray(item.parameters) ? item.parameters : [];
        for (const m of methods) {
            if (!Object.prototype.hasOwnProperty.call(item, m)) continue;
            const op = item[m] || {};
            const params = new Map();
            for (const p of [...pathParams, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
                const q = deref(doc, p);
                if (!q || q.in === 'body' || q.in === 'formData') continue;
                params.set(q.in + ':' + q.name, true);
            }
            const entry = {
                params: [...params.keys()].sort(),
                responses: Object.keys(op.responses || {}).filter(k => !k.startsWith('x-')).sort(),
            };
            if (!doc.swagger) {
                const body = op.requestBody ? deref(doc, op.requestBody) : undefined;
                entry.body = body && body.content ? Object.keys(body.content).sort() : [];
            }
            out[m.toUpperCase() + ' ' + key] = entry;
        }
    }
    return out;
}

function walk(dir, files) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full, files);
        else if (/\.(json|ya?ml)$/.test(entry.name)) files.push(full);
    }
    return files;
}

const result = {};
for (const version of ['2.0', '3.0', '3.1']) {
    const dir = path.join(examples, version);
    if (!fs.existsSync(dir)) continue;
    for (const file of walk(dir, []).sort()) {
        const text = fs.readFileSync(file, 'utf8');
        const rel = path.relative(examples, file).split(path.sep).join('/');
        try {
            const doc = file.endsWith('.json') ? JSON.parse(text) : yaml.load(text);
            const list = endpoints(doc);
            result[rel] = { endpoints: Object.keys(list).length, spec: String(doc.openapi || doc.swagger || ''), list };
        } catch (e) {
            result[rel] = { error: String(e.message).split('\n')[0] };
        }
    }
}
fs.writeFileSync(out, JSON.stringify({ files: result }, null, 1) + '\n');
console.log(`count-openapi-endpoints: ${Object.keys(result).length} documents counted`);
