// Actor recognition through the coder (sentences written for this file): titles and names, surnames
// later in the story, pronouns, descriptions, capitals, compounds, modifiers, context.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createCoder, type Coder } from '../../src/coder.js';

let coder: Coder;
before(async () => {
  coder = await createCoder({ explain: true });
});

/** The actors of each sentence as "text=CODE (rule id)". */
function actors(text: string): string[][] {
  const r = coder.codeStory({ id: 'a', text, date: '2008-02-08', origin: { file: 'a' } });
  return (r.explain ?? []).map((s) => s.actors.map((a) => `${a.text}=${a.code} (${a.rule.id})`));
}

test('a title with a name is a person of that country and sector; the surname later is the same person', () => {
  const [first, second] = actors('French Defence Minister Herve Morin arrived in Vilnius. Morin said Paris was ready to help.');
  assert.match(first?.[0] ?? '', /^French Defence Minister Herve Morin=FRAGOV/);
  assert.ok(second?.some((a) => a.startsWith('Morin=FRAGOV')), second?.join('; '));
  assert.ok(second?.some((a) => a.startsWith('Paris=FRAGOV')), 'a capital as the subject is the government');
});

test('a capital after "in" or "the capital" is a place, not an actor', () => {
  const [s] = actors('The talks were held in Paris and in the capital Kabul.');
  assert.deepEqual(s, []);
});

test('pronouns resolve to the nearest fitting actor; "its soldiers" takes the noun\'s sector', () => {
  const [, s] = actors('Canada sent officials to Paris on Friday. It said its soldiers would stay.');
  assert.deepEqual(s, ['It=CAN (pronoun:it)', 'its soldiers=CANMIL (pronoun:its)']);
});

test('"the country" and "the minister" are descriptions of earlier actors', () => {
  const out = actors('Canadian Defence Minister Peter MacKay visited Jordan. The minister said the country was a friend.');
  assert.ok(out[1]?.includes('The minister=CANGOVMIL (description:the-title)'), out[1]?.join('; '));
  assert.ok(out[1]?.includes('the country=JOR (description:the-country)'), out[1]?.join('; '));
});

test('compound actors: "Hungarian and Romanian officials" are two government actors', () => {
  const [s] = actors('Hungarian and Romanian officials met on Monday.');
  assert.deepEqual(s?.map((a) => a.split(' (')[0]), ['Hungarian=HUNGOV', 'Romanian officials=ROUGOV']);
});

test('"NATO-led" is a modifier, not an actor; the agency and "reporters" never are', () => {
  const [s] = actors('BRUSSELS (Reuters) - The NATO-led force told reporters it had enough troops.');
  assert.ok(!s?.some((a) => /NATO=|Reuters|reporters/.test(a)), s?.join('; '));
});

test('an agent with no country takes one from the sentence, then the place named, then the story', () => {
  const out = actors('Police arrested 20 students in Baku on Friday. Officials declined to comment.');
  assert.ok(out[0]?.some((a) => a.startsWith('Police=AZECOP (context:place-in-sentence)')), out[0]?.join('; '));
  assert.ok(out[1]?.some((a) => a.startsWith('Officials=AZEGOV (context:story)')), out[1]?.join('; '));
});

test('a leader named in the dictionaries is found by the full name and, when unambiguous, the surname', () => {
  const [s] = actors('Putin met Angela Merkel on Tuesday.');
  assert.ok(s?.some((a) => a.startsWith('Putin=RUSGOV')), s?.join('; '));
  assert.ok(s?.some((a) => a.startsWith('Angela Merkel=DEUGOV')), s?.join('; '));
});

test('a country inside another name is not the country; a city an actor goes to is its target', async () => {
  const { createCoder } = await import('../../src/coder.js');
  const coder = await createCoder();
  const codeOf = (text: string) => coder.codeStory({ id: 't', text, date: '2008-02-08', origin: { file: 't' } });
  assert.deepEqual(codeOf('United Airlines and US Airways have suspended merger talks.').actors.map((a) => a.code), []);
  assert.ok(!codeOf('Samuel Israel was sentenced to 20 years in prison.').actors.some((a) => a.code === 'ISR'));
  assert.ok(!codeOf('Militants in the Niger Delta attacked a pipeline.').actors.some((a) => a.code.startsWith('NER')));
  const visit = codeOf('The Chinese president arrived in Moscow for talks on Monday.').events;
  assert.deepEqual(visit.map((e) => `${e.source.code}>${e.target?.code}`), ['CHNGOV>RUS']);
});

test('a person no dictionary knows takes only the sentence\'s one country, else the dateline\'s, never a neighbouring word\'s', async () => {
  const { createCoder } = await import('../../src/coder.js');
  const coder = await createCoder();
  const evs = (text: string) => coder.codeStory({ id: 't', text, date: '2008-02-08', origin: { file: 't' } }).events.map((e) => `${e.source.code}>${e.target?.code ?? '-'}`);
  assert.deepEqual(evs('WASHINGTON (Reuters) - Senator Chris Dodd criticized the Federal Reserve on Monday.'), ['USALEG>USAGOVBUS']);
  assert.deepEqual(evs('President Omar Bashir lifted the curfew in Sudan.'), ['SDNGOV>SDN']);
  assert.ok(!evs('Senator Barack Obama met the king of Morocco and the president of Senegal.').some((e) => e.startsWith('MAR') || e.startsWith('SEN')), 'two countries named: neither is his');
});
