#!/usr/bin/env node
// Independent endpoint count of the OpenAPI example documents, for
// tests/core/openapi/TestOpenApiExamples: for every *.json / *.yaml under
// <examples>/{2.0,3.0,3.1}/, the number of (path, HTTP method) pairs, read
// with node's own JSON.parse and js-yaml only (no OpenAPI library, none of
// HiveMind's code). A path item that is a local $ref is followed.
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

function count(doc) {
    const paths = (doc && typeof doc.paths === 'object' && doc.paths) || {};
    let n = 0;
    for (const [key, value] of Object.entries(paths)) {
        if (key.startsWith('x-')) continue;
        let item = value;
        for (let hops = 0; item && typeof item.$ref === 'string' && item.$ref.startsWith('#/') && hops < 32; ++hops)
            item = pointer(doc, item.$ref);
        if (!item || typeof item !== 'object') continue;
        n += methods.filter(m => Object.prototype.hasOwnProperty.call(item, m)).length;
    }
    return n;
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
            result[rel] = { endpoints: count(doc), spec: String(doc.openapi || doc.swagger || '') };
        } catch (e) {
            result[rel] = { error: String(e.message).split('\n')[0] };
        }
    }
}
fs.writeFileSync(out, JSON.stringify({ files: result }, null, 1) + '\n');
console.log(`count-openapi-endpoints: ${Object.keys(result).length} documents counted`);
