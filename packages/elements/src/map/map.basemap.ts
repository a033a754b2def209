/**
 * The offline basemap: land and country borders from Natural Earth (1:110m, public domain), decoded
 * from TopoJSON. A chunk of its own, loaded only when a map has no `tile-url`: no request to any host
 * the site did not configure.
 */
import type { GeoJsonObject } from 'geojson';
import { feature } from 'topojson-client';
import { BASEMAP_TOPOLOGY } from './map.basemap-data.js';

type Topology = Parameters<typeof feature>[0];
type GeometryObject = Extract<Parameters<typeof feature>[1], { type: 'GeometryCollection' | 'MultiLineString' }>;

let decoded: { land: GeoJsonObject; borders: GeoJsonObject } | undefined;

/** Land polygons and border lines as GeoJSON (decoded once per page). */
export function basemap(): { land: GeoJsonObject; borders: GeoJsonObject } {
  if (!decoded) {
    const topology = JSON.parse(BASEMAP_TOPOLOGY) as Topology;
    const objects = topology.objects as Record<'land' | 'borders', GeometryObject>;
    decoded = { land: feature(topology, objects.land), borders: feature(topology, objects.borders) };
  }
  return decoded;
}
