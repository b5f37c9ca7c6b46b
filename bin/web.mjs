#!/usr/bin/env node
// `node bin/web.mjs --db 台账.sqlite [--port 端口]`: browser mode, from the built bundle (out/node/web.js).
import { built } from './ensure-built.mjs';

await import(built('web'));
