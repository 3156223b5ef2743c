import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  DictionaryError,
  defaultDictionariesDir,
  loadActorDictionaries,
  normalizeName,
  parseAgents,
  parseCountries,
  parseOrganizations,
  type ActorDictionaries,
  type CountryEntry,
} from '../../src/actors/dictionary.js';
import { repoRoot } from '../helpers.js';

const actorsDir = join(repoRoot, 'dictionaries', 'actors');
const dicts: ActorDictionaries = loadActorDictionaries(actorsDir);

function country(code: string): CountryEntry {
  const c = dicts.countries.find((e) => e.code === code);
  assert.ok(c, `country ${code} present`);
  return c;
}

/** Which country, org or agent sector a string maps to, by exact (normalized) name. */
function lookup(text: string): string[] {
  const key = normalizeName(text);
  const hits: string[] = [];
  for (const c of dicts.countries) {
    const all = [c.name, ...c.aliases, ...c.demonyms, ...c.capitals, ...c.leaders];
    if (all.some((n) => normalizeName(n) === key)) hits.push(c.code);
    for (const m of c.metonyms) if (normalizeName(m.text) === key) hits.push(c.code + m.sector);
  }
  for (const o of dicts.organizations) if (o.names.some((n) => normalizeName(n) === key)) hits.push(o.code);
  for (const a of dicts.agents) if (a.words.some((w) => normalizeName(w) === key)) hits.push(`~${a.sector}/${a.role}`);
  return hits;
}

/** Asserts `fn` throws a DictionaryError whose message begins with `where` and contains `what`. */
function throwsAt(fn: () => unknown, where: string, what: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof DictionaryError, `DictionaryError expected, got ${String(err)}`);
    assert.ok(err.message.startsWith(where + ': '), `message "${err.message}" should start with "${where}: "`);
    assert.match(err.message, what);
    const [file, line] = where.split(':');
    assert.equal(err.file, file);
    assert.equal(err.line, Number(line));
    return true;
  });
}

const HEADER = 'code\tname\taliases\tdemonyms\tcapitals\tmetonyms\tleaders';
const row = (...cells: string[]): string => cells.join('\t');

describe('actor dictionaries: the real files', () => {
  it('load without errors and have the expected sizes', () => {
    assert.ok(dicts.countries.length >= 230, `countries: ${dicts.countries.length}`);
    assert.ok(dicts.organizations.length >= 80, `organizations: ${dicts.organizations.length}`);
    assert.ok(dicts.agents.length >= 150, `agents: ${dicts.agents.length}`);
  });

  it('defaultDictionariesDir() finds the package dictionaries folder', () => {
    assert.equal(defaultDictionariesDir(), join(repoRoot, 'dictionaries'));
    assert.equal(loadActorDictionaries().countries.length, dicts.countries.length);
  });

  it('codes Canada, France and the United States with demonyms, capitals and metonyms', () => {
    const can = country('CAN');
    assert.equal(can.name, 'Canada');
    assert.ok(can.demonyms.includes('Canadian'));
    assert.ok(can.demonyms.includes('Canadians'));
    assert.ok(can.capitals.includes('Ottawa'));
    assert.ok(can.leaders.includes('Peter MacKay'));
    assert.ok(country('FRA').capitals.includes('Paris'));
    assert.ok(country('FRA').leaders.includes('Herve Morin'));
    assert.deepEqual(country('USA').metonyms.find((m) => m.text === 'White House'), { text: 'White House', sector: 'GOV' });
    assert.deepEqual(country('GBR').metonyms.find((m) => m.text === 'Downing Street'), { text: 'Downing Street', sector: 'GOV' });
    assert.ok(country('RUS').metonyms.some((m) => m.text === 'Kremlin' && m.sector === 'GOV'));
    assert.ok(country('ISR').capitals.includes('Jerusalem'));
    assert.ok(country('AFG').demonyms.includes('Afghan'));
    assert.ok(country('AFG').capitals.includes('Kabul'));
  });

  it('records provenance: the file relative to the dictionaries root, the 1-based line, an id', () => {
    const can = country('CAN');
    assert.equal(can.prov.file, 'actors/countries.tsv');
    assert.equal(can.prov.id, 'country:CAN');
    const lines = readFileSync(join(actorsDir, 'countries.tsv'), 'utf8').split('\n');
    assert.ok((lines[can.prov.line - 1] ?? '').startsWith('CAN\tCanada\t'));
    const nato = dicts.organizations.find((o) => o.code === 'IGOWSTNAT');
    assert.ok(nato);
    assert.equal(nato.prov.file, 'actors/organizations.tsv');
    assert.equal(nato.prov.id, 'org:IGOWSTNAT');
    const orgLines = readFileSync(join(actorsDir, 'organizations.tsv'), 'utf8').split('\n');
    assert.ok((orgLines[nato.prov.line - 1] ?? '').startsWith('IGOWSTNAT\tNATO;'));
    const gov = dicts.agents.find((a) => a.words.includes('government'));
    assert.ok(gov);
    assert.equal(gov.prov.file, 'actors/agents.tsv');
    assert.equal(gov.prov.id, 'agent:GOV:government');
    const ids = [...dicts.countries, ...dicts.organizations, ...dicts.agents].map((e) => e.prov.id);
    assert.equal(new Set(ids).size, ids.length, 'provenance ids are unique');
  });

  it('codes the seed story mentions', () => {
    const expected: [string, string][] = [
      ['Canada', 'CAN'], ['Canadian', 'CAN'], ['Paris', 'FRA'], ['France', 'FRA'], ['French', 'FRA'],
      ['Afghanistan', 'AFG'], ['Afghan', 'AFG'], ['Kabul', 'AFG'], ['NATO', 'IGOWSTNAT'],
      ['Peter MacKay', 'CAN'], ['Herve Morin', 'FRA'], ['Hervé Morin', 'FRA'],
      ['defence minister', '~GOVMIL/title'], ['defence ministry', '~GOVMIL/institution'],
      ['spokesman', '~GOV/group'], ['officials', '~GOV/group'], ['delegation', '~GOV/group'],
      ['troops', '~MIL/group'], ['soldiers', '~MIL/group'], ['government', '~GOV/institution'],
      ['television', '~MED/institution'], ['reporters', '~MED/group'],
    ];
    for (const [text, code] of expected) assert.deepEqual(lookup(text), [code], text);
  });

  it('codes well-known organizations and groups', () => {
    const expected: [string, string][] = [
      ['North Atlantic Treaty Organization', 'IGOWSTNAT'], ['United Nations', 'IGOUNO'], ['U.N.', 'IGOUNO'],
      ['Security Council', 'IGOUNO'], ['European Union', 'IGOEUREEC'], ['EU', 'IGOEUREEC'],
      ['African Union', 'IGOAFRAFU'], ['Arab League', 'IGOMEAARL'], ['OPEC', 'IGOBUSOPC'], ['IMF', 'IGOBUSIMF'],
      ['World Bank', 'IGOUNODEVWBK'], ['WTO', 'IGOBUSWTO'], ['ASEAN', 'IGOSEAASN'], ['OSCE', 'IGOEURSCE'],
      ['ICRC', 'NGOHLHIRC'], ['Red Cross', 'NGOHLHIRC'], ['WFP', 'IGOUNOWFP'], ['UNHCR', 'IGOUNOREFHCR'],
      ['UNICEF', 'IGOUNOKID'], ['IAEA', 'IGOUNOIAE'], ['Interpol', 'IGOCOPITP'], ['Amnesty International', 'NGOHRIAMN'],
      ['Human Rights Watch', 'NGOHRI'], ['Hamas', 'PSEREBHMS'], ['Hezbollah', 'LBNREB'], ['Taliban', 'AFGREB'],
      ['al Qaeda', 'IMGMUSALQ'], ['al-Qaeda', 'IMGMUSALQ'], ['FARC', 'COLREB'], ['ETA', 'ESPREB'], ['PKK', 'TURREB'],
      ['Tamil Tigers', 'LKAREB'], ['LTTE', 'LKAREB'],
    ];
    for (const [text, code] of expected) assert.deepEqual(lookup(text), [code], text);
    const hamas = dicts.organizations.find((o) => o.code === 'PSEREBHMS');
    assert.equal(hamas?.country, 'PSE');
    assert.equal(dicts.organizations.find((o) => o.code === 'IGOUNO')?.country, null);
  });

  it('covers all UN member states', () => {
    const un = ('AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN ' +
      'BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY ' +
      'SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN ' +
      'IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV ' +
      'MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW ' +
      'PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ' +
      'ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TMP TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB ' +
      'VUT VEN VNM YEM ZMB ZWE').split(' ');
    assert.equal(un.length, 193);
    const have = new Set(dicts.countries.map((c) => c.code));
    assert.deepEqual(un.filter((c) => !have.has(c)), []);
    for (const extra of ['PSE', 'KSV', 'TWN', 'VAT', 'HKG']) assert.ok(have.has(extra), extra);
  });

  it('maps no name, alias, demonym, capital, metonym or leader to two different countries', () => {
    const owner = new Map<string, string>();
    for (const c of dicts.countries) {
      for (const n of [c.name, ...c.aliases, ...c.demonyms, ...c.capitals, ...c.leaders, ...c.metonyms.map((m) => m.text)]) {
        const key = normalizeName(n);
        const prior = owner.get(key);
        assert.ok(prior === undefined || prior === c.code, `"${n}" maps to ${prior} and ${c.code}`);
        owner.set(key, c.code);
      }
    }
    for (const o of dicts.organizations) {
      for (const n of o.names) assert.equal(owner.get(normalizeName(n)), undefined, `"${n}" is both ${o.code} and a country string`);
    }
  });

  it('keeps entries tidy: no blank items, no leading/trailing spaces; "US" is USA (names match case-sensitively)', () => {
    for (const c of dicts.countries) {
      for (const n of [c.name, ...c.aliases, ...c.demonyms, ...c.capitals, ...c.leaders]) {
        assert.equal(n, n.trim());
        assert.ok(n.length > 0);
      }
    }
    assert.deepEqual(lookup('US'), ['USA']);
    assert.deepEqual(lookup('U.S.'), ['USA']);
    for (const a of dicts.agents) for (const w of a.words) assert.equal(w, w.toLowerCase(), `agent word "${w}" is lowercase`);
  });
});

describe('actor dictionaries: validation errors name file:line', () => {
  const F = 'actors/countries.tsv';

  it('ignores comments, blank lines and a header, and counts them in line numbers', () => {
    const text = ['# comment', '', HEADER, row('CAN', 'Canada', '', 'Canadian', 'Ottawa', '', ''), '\r', row('FRA', 'France', '', '', 'Paris', 'Elysee=GOV', '') + '\r'].join('\n');
    const got = parseCountries(text, F);
    assert.deepEqual(got.map((c) => [c.code, c.prov.line]), [['CAN', 4], ['FRA', 6]]);
    assert.deepEqual(got[1]?.metonyms, [{ text: 'Elysee', sector: 'GOV' }]);
    assert.deepEqual(got[0]?.aliases, []);
  });

  it('wrong column count', () => {
    const text = [HEADER, row('CAN', 'Canada', '', '', '', '', ''), row('FRA', 'France', '', '', 'Paris', '')].join('\n');
    throwsAt(() => parseCountries(text, F), `${F}:3`, /expected 7 TAB-separated columns .* found 6/);
    throwsAt(() => parseOrganizations('IGOUNO\tUnited Nations', 'actors/organizations.tsv'), 'actors/organizations.tsv:1', /expected 3/);
    throwsAt(() => parseAgents('# c\nGOV\tgovernment\tinstitution\textra', 'actors/agents.tsv'), 'actors/agents.tsv:2', /expected 3/);
  });

  it('bad code format', () => {
    throwsAt(() => parseCountries(row('Can', 'Canada', '', '', '', '', ''), F), `${F}:1`, /bad country code "Can"/);
    throwsAt(() => parseCountries('\n' + row('CANA', 'Canada', '', '', '', '', ''), F), `${F}:2`, /bad country code "CANA"/);
    throwsAt(() => parseOrganizations('IGOUN\tUnited Nations\t', 'o.tsv'), 'o.tsv:1', /bad organization code "IGOUN"/);
    throwsAt(() => parseOrganizations('IGO-UNO\tUnited Nations\t', 'o.tsv'), 'o.tsv:1', /bad organization code/);
    throwsAt(() => parseAgents('gov\tgovernment\tinstitution', 'a.tsv'), 'a.tsv:1', /bad sector "gov"/);
    throwsAt(() => parseAgents('GOVXYZ\tgovernment\tinstitution', 'a.tsv'), 'a.tsv:1', /unknown agent code "XYZ"/);
    throwsAt(() => parseCountries(row('USA', 'United States', '', '', '', 'White House', ''), F), `${F}:1`, /bad metonym "White House"/);
    throwsAt(() => parseCountries(row('USA', 'United States', '', '', '', 'White House=gov', ''), F), `${F}:1`, /bad metonym sector "gov"/);
  });

  it('duplicate codes', () => {
    const text = [row('CAN', 'Canada', '', '', '', '', ''), '# x', row('CAN', 'Kanada', '', '', '', '', '')].join('\n');
    throwsAt(() => parseCountries(text, F), `${F}:3`, /duplicate country code CAN \(first at actors\/countries\.tsv:1\)/);
    throwsAt(() => parseOrganizations('IGOUNO\tUN\t\nIGOUNO\tUnited Nations\t', 'o.tsv'), 'o.tsv:2', /duplicate organization code IGOUNO \(first at o\.tsv:1\)/);
  });

  it('a name claimed by two countries reports both lines', () => {
    const text = [HEADER, row('COD', 'Democratic Republic of the Congo', 'Congo', 'Congolese', '', '', ''), row('COG', 'Republic of the Congo', '', 'congolese', '', '', '')].join('\n');
    throwsAt(() => parseCountries(text, F), `${F}:3`, /"congolese" is claimed by country COG here and by country COD at actors\/countries\.tsv:2/);
    const viaCapital = [row('AAA', 'Aland', '', '', 'Capitol', '', ''), row('BBB', 'Bland', '', '', '', 'Capitol=GOV', '')].join('\n');
    throwsAt(() => parseCountries(viaCapital, F), `${F}:2`, /"Capitol" is claimed by country BBB here and by country AAA at actors\/countries\.tsv:1/);
    // the same string twice in one entry is harmless
    assert.equal(parseCountries(row('SGP', 'Singapore', '', '', 'Singapore', '', ''), F).length, 1);
  });

  it('empty name', () => {
    throwsAt(() => parseCountries(row('CAN', '', 'Canada', '', '', '', ''), F), `${F}:1`, /empty name for country CAN/);
    throwsAt(() => parseOrganizations('# h\nIGOUNO\t ; \t', 'o.tsv'), 'o.tsv:2', /empty name for organization IGOUNO/);
    throwsAt(() => parseAgents('GOV\t\tgroup', 'a.tsv'), 'a.tsv:1', /no words for sector GOV/);
  });

  it('organization and agent rules', () => {
    throwsAt(() => parseOrganizations('PSEREBHMS\tHamas\tISR', 'o.tsv'), 'o.tsv:1', /does not begin with its country ISR/);
    throwsAt(() => parseOrganizations('PSEREBHMS\tHamas\tpse', 'o.tsv'), 'o.tsv:1', /bad country code "pse"/);
    throwsAt(() => parseOrganizations('IGOUNO\tUnited Nations\t\nIGOWSTNAT\tNATO; united nations\t', 'o.tsv'), 'o.tsv:2', /"united nations" is claimed by organization IGOWSTNAT here and by organization IGOUNO at o\.tsv:1/);
    throwsAt(() => parseAgents('GOV\tofficial\tperson', 'a.tsv'), 'a.tsv:1', /bad role "person"/);
    throwsAt(() => parseAgents('sector\twords\trole\nGOV\tofficial; officials\tgroup\nMIL\tofficials\tgroup', 'a.tsv'), 'a.tsv:3', /"officials" is claimed by .* at a\.tsv:2/);
    const ok = parseOrganizations('code\tnames\tcountry\nPSEREBHMS\tHamas; Islamic Resistance Movement\tPSE', 'o.tsv');
    assert.deepEqual(ok.map((o) => [o.code, o.names, o.country, o.prov]), [['PSEREBHMS', ['Hamas', 'Islamic Resistance Movement'], 'PSE', { id: 'org:PSEREBHMS', file: 'o.tsv', line: 2 }]]);
    const agents = parseAgents('GOVMIL\tdefence minister; defense minister\ttitle', 'a.tsv');
    assert.deepEqual(agents[0]?.prov, { id: 'agent:GOVMIL:defence minister', file: 'a.tsv', line: 1 });
  });

  it('cross-file checks when loading a folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'wirecoder-dict-'));
    const dir = join(root, 'actors');
    mkdirSync(dir);
    try {
      const write = (countries: string, orgs: string, agents: string): void => {
        writeFileSync(join(dir, 'countries.tsv'), countries);
        writeFileSync(join(dir, 'organizations.tsv'), orgs);
        writeFileSync(join(dir, 'agents.tsv'), agents);
      };
      const countries = [HEADER, row('CAN', 'Canada', '', 'Canadian', 'Ottawa', '', ''), row('PSE', 'Palestine', '', '', '', '', '')].join('\n') + '\n';
      write(countries, 'code\tnames\tcountry\nPSEREBHMS\tHamas\tPSE\n', 'GOV\tgovernment\tinstitution\n');
      const d = loadActorDictionaries(dir);
      assert.equal(d.countries[0]?.prov.file, 'actors/countries.tsv');
      assert.equal(d.organizations[0]?.prov.line, 2);
      write(countries, 'code\tnames\tcountry\nLBNREB\tHezbollah\tLBN\n', 'GOV\tgovernment\tinstitution\n');
      throwsAt(() => loadActorDictionaries(dir), 'actors/organizations.tsv:2', /unknown country LBN for LBNREB/);
      write(countries, '# orgs\n\nIGOXXX\tOttawa Group\nIGOYYY\tottawa\t\n', 'GOV\tgovernment\tinstitution\n');
      throwsAt(() => loadActorDictionaries(dir), 'actors/organizations.tsv:3', /expected 3/);
      write(countries, 'IGOXXX\tOttawa Group\t\nIGOYYY\tottawa\t\n', 'GOV\tgovernment\tinstitution\n');
      throwsAt(() => loadActorDictionaries(dir), 'actors/organizations.tsv:2', /"ottawa" is claimed by organization IGOYYY here and by country CAN at actors\/countries\.tsv:2/);
      write(countries, 'IGOXXX\tOttawa Group\t\n', 'GOV\tcanadian\tgroup\n');
      throwsAt(() => loadActorDictionaries(dir), 'actors/agents.tsv:1', /"canadian" is claimed by agent GOV here and by country CAN at actors\/countries\.tsv:2/);
      rmSync(join(dir, 'agents.tsv'));
      assert.throws(() => loadActorDictionaries(dir), /cannot read actor dictionary .*agents\.tsv/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
