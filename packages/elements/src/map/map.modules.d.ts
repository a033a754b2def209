/**
 * Leaflet's package exposes only its UMD build by name; its ES module build is imported by path
 * (no global `L`, no CommonJS plugin). Its types are @types/leaflet's.
 */
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
