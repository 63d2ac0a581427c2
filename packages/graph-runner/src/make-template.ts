// Build step: an initialised, empty PGlite database, dumped; each embedded service database
// starts as a copy of it (see openPglite in @klynge/platform) instead of running initdb at start.
import { writePgliteTemplate } from '@klynge/platform';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: node make-template.js <file.tar.gz>');
void writePgliteTemplate(file);
