const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc only emits JavaScript. n8n reads the icons (one copy, in icons/, referenced as ../../icons/…
// from each node and ../icons/… from the credential) and each node's codex (*.node.json) from dist/.
function copyIcons() {
	return src(path.resolve('icons', '*.{png,svg}'), { encoding: false }).pipe(dest(path.resolve('dist', 'icons')));
}

function copyCodex() {
	return src(path.resolve('nodes', '**', '*.node.json')).pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:icons', parallel(copyIcons, copyCodex));
