// Every element, every persona, every detail and dialog, in English on a 390 px phone, where each
// state also passes axe (test/helpers/walk.ts says what each state must pass). The text check
// reads hidden text as well, so what only a wider screen shows is read too; the walks in other
// languages (test/i18n/visible-text.test.ts) draw the states at 1280 px.
import { describeWalk, PERSONAS } from '../helpers/walk.js';

describeWalk({ lang: 'en', width: 390, personas: Object.keys(PERSONAS) });
