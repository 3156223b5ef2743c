// Negative cases: text that must code nothing. Each line is a sentence written for this file; a rule
// change that makes any of them code an event is a regression.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createCoder, type Coder } from '../src/coder.js';

const NOTHING = [
  'Shares of Toyota rose 3 percent on Tuesday after the company raised its profit forecast.',
  'The company said it would meet analysts\' expectations for the fourth quarter.',
  'Canadian Defence Minister Peter MacKay told reporters he was tired after the flight.',
  'Syrian troops did not attack the village, a spokesman said.',
  'If Iran attacks Israel, oil prices will rise sharply, analysts said.',
  'Analysts said the central bank could cut interest rates in March.',
  'The storm killed 12 people in Bangladesh on Sunday.',
  'Microsoft launched a new version of its software in Paris on Monday.',
  'Manchester United beat Arsenal 2-1 on Saturday.',
  'The Reuters report was published on Monday and read widely in London.',
  'Oil prices fell for a third day as traders took profits.',
  'It was too early to say exactly what the help would consist of.',
  'The bank declined to comment on the report.',
  'A police officer who declined to leave his name told Reuters the street was quiet.',
  'The ministry declined to put a figure on the cost of the programme.',
  'The central bank stepped in on Tuesday to arrest the slide of the peso.',
  'The finance ministry moved to arrest a further decline in exports.',
  'Japan attacked the financial crisis with a stimulus package, the minister said.',
  'In what would be a major setback for the project, the firm has delayed its launch.',
  '',
  '   \n\n  ',
];

let coder: Coder;
before(async () => {
  coder = await createCoder();
});

for (const [k, text] of NOTHING.entries()) {
  test(`codes nothing: ${JSON.stringify(text.slice(0, 60))}`, () => {
    const r = coder.codeStory({ id: `neg${k}`, text, date: '2008-02-08', origin: { file: 'negative' } });
    assert.deepEqual(r.events.map((e) => `${e.source.code}>${e.target?.code ?? '-'} ${e.cameo.code} (${e.rule.id})`), []);
  });
}
