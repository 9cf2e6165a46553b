// Every element, every persona, every detail and dialog, in English on a wide screen and on a
// 390 px phone (test/helpers/walk.ts says what each state must pass).
import { describeWalk, PERSONAS } from '../helpers/walk.js';

describeWalk({ lang: 'en', width: 1280, personas: Object.keys(PERSONAS) });
describeWalk({ lang: 'en', width: 390, personas: Object.keys(PERSONAS) });
