/**
 * The event places on a world map (SVG): Natural Earth country shapes from the world-atlas TopoJSON
 * bundled with the app (no tiles, no network), circles sized by number of events. Each circle is a
 * link to one story with an event there.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import worldUrl from 'world-atlas/countries-110m.json?url';
import type { PlaceRow } from '../api.js';
import { h, s, uid } from '../dom.js';
import { fmtInt } from '../format.js';

const W = 800;
const H = 410;

interface Basemap {
  sphere: string;
  graticule: string;
  countries: { d: string; name: string }[];
  project: (lon: number, lat: number) => [number, number] | null;
}

let basemap: Promise<Basemap> | null = null;

function isTopology(x: unknown): x is Topology<{ countries: GeometryCollection<{ name: string }> }> {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as { type?: unknown; objects?: { countries?: unknown } };
  return t.type === 'Topology' && typeof t.objects === 'object' && t.objects !== null && typeof t.objects.countries === 'object';
}

/** Loads and projects the world once (the file is part of the app build). */
export function loadBasemap(): Promise<Basemap> {
  if (basemap !== null) return basemap;
  basemap = (async () => {
    const res = await fetch(worldUrl);
    if (!res.ok) throw new Error(`world map: ${res.status} ${res.statusText}`);
    const topo: unknown = await res.json();
    if (!isTopology(topo)) throw new Error('world map: not a TopoJSON topology');
    const countries = feature(topo, topo.objects.countries);
    const projection = geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
    const path = geoPath(projection);
    const d = (o: GeoPermissibleObjects): string => path(o) ?? '';
    return {
      sphere: d({ type: 'Sphere' }),
      graticule: d(geoGraticule10()),
      countries: countries.features.map((f) => ({ d: d(f), name: f.properties?.name ?? '' })),
      project: (lon, lat) => {
        const p = projection([lon, lat]);
        return p === null || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) ? null : [p[0], p[1]];
      },
    };
  })();
  basemap.catch(() => {
    basemap = null;
  });
  return basemap;
}

export async function mapChart(rows: readonly PlaceRow[]): Promise<HTMLElement> {
  const base = await loadBasemap();
  const titleId = uid('map-title');
  const descId = uid('map-desc');
  const total = rows.reduce((a, r) => a + r.events, 0);
  const svg = s('svg', { class: 'chart map', viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-labelledby': `${titleId} ${descId}` });
  svg.append(
    s('title', { id: titleId }, 'Map of event places'),
    s(
      'desc',
      { id: descId },
      rows.length === 0
        ? 'No events with a place match the filters.'
        : `${fmtInt(rows.length)} places with ${fmtInt(total)} events; the circles link to a story with an event there.`,
    ),
    s('path', { d: base.sphere, class: 'sphere', 'aria-hidden': 'true' }),
    s('path', { d: base.graticule, class: 'graticule', 'aria-hidden': 'true' }),
  );
  const land = s('g', { class: 'land', 'aria-hidden': 'true' });
  for (const c of base.countries) land.append(s('path', { d: c.d }, s('title', {}, c.name)));
  svg.append(land);

  const max = Math.max(1, ...rows.map((r) => r.events));
  const points = s('g', { class: 'points' });
  // largest first, so small circles stay on top and clickable
  for (const r of [...rows].sort((a, b) => b.events - a.events)) {
    const p = base.project(r.lon, r.lat);
    if (p === null) continue;
    const label = `${r.name}${r.country !== null ? ` (${r.country})` : ''}: ${fmtInt(r.events)} event${r.events === 1 ? '' : 's'}`;
    points.append(
      s(
        'a',
        { href: `#/story/${encodeURIComponent(r.story)}`, class: 'map-point', 'aria-label': `${label} — open a story`, 'data-place': r.name },
        s('title', {}, label),
        s('circle', { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: (3 + 11 * Math.sqrt(r.events / max)).toFixed(1) }),
      ),
    );
  }
  svg.append(points);
  const wrap = h('div', { class: 'chart-wrap' }, svg);
  if (rows.length === 0) wrap.append(h('p', { class: 'empty' }, 'No events with a place match the filters.'));
  else wrap.append(h('p', { class: 'hint' }, 'Circle area: number of events. Select a circle to open a story from that place.'));
  return wrap;
}
