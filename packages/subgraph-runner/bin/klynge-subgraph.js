#!/usr/bin/env node
// The built runner (src/main.ts). A file of its own, in git, so that npm links the command when it
// installs, before anything is built (it does not link a bin whose file is missing).
require('../dist/main.js');
