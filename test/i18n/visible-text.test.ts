// The walk through every element in German, Japanese, Polish and European Portuguese (the
// page's lang, the built locale files from \`npm run build\`), each with the personas whose
// screens differ most: no English message anywhere, nothing leaked (test/helpers/walk.ts).
import { describeWalk } from '../helpers/walk.js';

describeWalk({ lang: 'de', width: 1280, personas: ['alice', 'owner'] });
describeWalk({ lang: 'ja', width: 1280, personas: ['alice', 'big'] });
describeWalk({ lang: 'pl', width: 1280, personas: ['big', 'carol'] });
describeWalk({ lang: 'pt-PT', width: 1280, personas: ['alice', 'billing'] });
