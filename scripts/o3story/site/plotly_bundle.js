// The plotly.js the site serves: built from the pinned `plotly.js` sources (package.json) by the pinned
// esbuild, with only what the site's charts use. Run by the site build (o3story/site/vendor.py, which
// caches the result); plain CommonJS for the Node that CI installs (Debian's, 18 or later).
//
//   node plotly_bundle.js OUT.js
//
// What is left out of plotly.js's basic bundle (plotly-basic.min.js), and why that is safe here:
// - traces: only scatter and bar (render/charts/*.py draw nothing else; pie goes);
// - components: only annotations, shapes, updatemenus, legend, hover (fx) and the modebar, the layout
//   parts the charts set (tests/render/test_plotly_bundle.py checks the specs against these lists);
//   not registered: images, sliders, range sliders and selectors, grid, error bars, colour bars,
//   3D annotations, selections and world calendars;
// - the attributes' documentation (`description`), as plotly.js's own dist builds drop it;
// - culori's colour spaces other than those CSS names (every colour a browser parses still parses);
// - the modebar's icons (charts.js sets displayModeBar: false: never drawn; blank if it ever is) and polybooljs, which merges lasso and box selections (charts.js
//   sets dragmode to "zoom" or false: nothing is ever selected).
'use strict';

const fs = require('fs');
const path = require('path');

const NODE = path.resolve(__dirname, '..', '..', '..', 'node_modules');
const esbuild = require(path.join(NODE, 'esbuild'));
const PLOTLY = path.join(NODE, 'plotly.js');
const VERSION = require(path.join(PLOTLY, 'package.json')).version;
const COPYRIGHT = fs.readFileSync(path.join(PLOTLY, 'LICENSE'), 'utf8').match(/^Copyright.*$/m)[0];

// plotly.js's src/core.js, registering only the parts named above.
const ENTRY = `
'use strict';
exports.version = require('plotly.js/src/version').version;
require('native-promise-only');
require('plotly.js/build/plotcss');
var Registry = require('plotly.js/src/registry');
var register = exports.register = Registry.register;
var plotApi = require('plotly.js/src/plot_api');
Object.keys(plotApi).forEach(function(name) {
    if(name.charAt(0) !== '_') exports[name] = plotApi[name];
    register({moduleType: 'apiMethod', name: name, fn: plotApi[name]});
});
register([require('plotly.js/src/traces/scatter'), require('plotly.js/src/traces/bar')]);
register([
    require('plotly.js/src/components/annotations'),
    require('plotly.js/src/components/shapes'),
    require('plotly.js/src/components/updatemenus'),
    require('plotly.js/src/components/legend'),
    require('plotly.js/src/components/fx'),
    require('plotly.js/src/components/modebar') // its layout defaults are read on every draw
]);
register([require('plotly.js/src/locale-en'), require('plotly.js/src/locale-en-us')]);
var Fx = require('plotly.js/src/components/fx');
var Plots = require('plotly.js/src/plots/plots');
exports.Plots = {resize: Plots.resize};
exports.Fx = {hover: Fx.hover, unhover: Fx.unhover, loneHover: Fx.loneHover, loneUnhover: Fx.loneUnhover};
`;

// culori with the colour spaces of CSS only (its 'css' bootstrap), instead of its whole bundle.
const CULORI = `
import 'culori/css';
export { converter, formatHex, formatRgb, wcagContrast, wcagLuminance } from 'culori/fn';
`;

// Drop each `description: ...` property of plotly.js's sources: a small scanner finds where the value
// ends (the next `,` or `}` outside brackets, strings and comments).
function valueEnd(src, i) {
    let depth = 0;
    for(; i < src.length; i++) {
        const c = src[i];
        if(c === "'" || c === '"' || c === '`') {
            for(i++; i < src.length && src[i] !== c; i++) {
                if(src[i] === '\\') i++;
                else if(c === '`' && src[i] === '$' && src[i + 1] === '{') return -1; // code inside: keep
            }
        } else if(c === '/' && src[i + 1] === '/') {
            i = src.indexOf('\n', i);
            if(i < 0) return -1;
        } else if(c === '(' || c === '[' || c === '{') depth++;
        else if(c === ')' || c === ']' || c === '}') {
            if(depth === 0) return i;
            depth--;
        } else if(c === ',' && depth === 0) return i;
    }
    return -1;
}

function stripDescriptions(src) {
    const re = /([{,\s])description:\s*/g;
    let out = '';
    let last = 0;
    let m;
    while((m = re.exec(src))) {
        const end = valueEnd(src, m.index + m[0].length);
        if(end < 0) continue;
        out += src.slice(last, m.index + m[1].length);
        last = src[end] === ',' ? end + 1 : end;
        re.lastIndex = last;
    }
    return out + src.slice(last);
}

const plugin = {
    name: 'o3-plotly',
    setup(build) {
        build.onResolve({filter: /^culori$/}, () => ({path: 'culori-css', namespace: 'o3'}));
        build.onLoad({filter: /^culori-css$/, namespace: 'o3'}, () => ({contents: CULORI, loader: 'js', resolveDir: NODE}));
        build.onResolve({filter: /^polybooljs$/}, () => ({path: 'empty', namespace: 'o3'}));
        // every icon an empty one: a modebar turned on by mistake shows blank buttons rather than failing
        build.onLoad({filter: /[\\/]plotly\.js[\\/]src[\\/]fonts[\\/]ploticon\.js$/}, () => ({
            contents: "module.exports = new Proxy({}, {get: function() { return {width: 1000, height: 1000, path: 'M0 0'}; }});",
            loader: 'js'
        }));
        build.onLoad({filter: /^empty$/, namespace: 'o3'}, () => ({contents: 'module.exports = {};', loader: 'js'}));
        build.onLoad({filter: /[\\/]plotly\.js[\\/]src[\\/].*\.js$/}, (args) => ({
            contents: stripDescriptions(fs.readFileSync(args.path, 'utf8')), loader: 'js'
        }));
    }
};

async function main(out) {
    const tmp = out + '.' + process.pid + '.tmp';
    await esbuild.build({
        stdin: {contents: ENTRY, resolveDir: NODE, sourcefile: 'o3-plotly-entry.js', loader: 'js'},
        bundle: true,
        minify: true,
        format: 'iife',
        globalName: 'Plotly',
        target: 'es2016', // as plotly.js's own bundles
        define: {global: 'window', 'define.amd': 'false'},
        loader: {'.css': 'empty'}, // plotly's registry imports maplibre's stylesheet, for maps only
        legalComments: 'none',
        banner: {js: `/*! plotly.js v${VERSION} (scatter and bar, for this site; built by o3story/site/plotly_bundle.js) | ${COPYRIGHT} | MIT licence */`},
        charset: 'utf8',
        plugins: [plugin],
        logLevel: 'error',
        outfile: tmp
    });
    fs.renameSync(tmp, out);
}

if(require.main === module) {
    main(path.resolve(process.argv[2])).catch((err) => {
        console.error(err && err.message ? err.message : err);
        process.exit(1);
    });
}

module.exports = {stripDescriptions};
