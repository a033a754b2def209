import type { Language } from '../translations/languages.js';

/** Every string `<civic-map>` shows (cards in popups and in the list use the card's strings). */
export interface MapStrings {
  mapLabel: string;
  mapHelp: string;
  showAsList: string;
  showAsMap: string;
  zoomIn: string;
  zoomOut: string;
  closePopup: string;
  showOnMap: (label: string) => string;
  /** The accessible name of a cluster marker, e.g. "12 initiatives". */
  clusterLabel: (count: number, formatted: string) => string;
  pinsInView: (count: number, formatted: string) => string;
  noPinsInView: string;
  loadingPins: string;
  tooManyPins: (shown: string) => string;
  mapFailed: string;
  scrollHint: string;
  scrollHintMac: string;
  basemapAttribution: string;
}

const plural = (lang: string, n: number) => new Intl.PluralRules(lang).select(n);
const arabicCount = (n: number, f: string) => {
  switch (plural('ar', n)) {
    case 'zero':
      return 'لا مبادرات';
    case 'one':
      return 'مبادرة واحدة';
    case 'two':
      return 'مبادرتان';
    case 'few':
      return `${f} مبادرات`;
    default:
      return `${f} مبادرة`;
  }
};

export const mapStrings = {
  en: {
    mapLabel: 'Map of initiatives',
    mapHelp:
      'Arrow keys move the map, plus and minus zoom. Tab goes to the pins; Enter opens one. The same initiatives are in the list view.',
    showAsList: 'Show as list',
    showAsMap: 'Show as map',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    closePopup: 'Close',
    showOnMap: (label) => `Show ${label} on the map`,
    clusterLabel: (n, f) => (n === 1 ? '1 initiative' : `${f} initiatives`),
    pinsInView: (n, f) => (n === 1 ? '1 initiative in this area' : `${f} initiatives in this area`),
    noPinsInView: 'No initiatives in this area. Zoom out or move the map to see more.',
    loadingPins: 'Loading initiatives…',
    tooManyPins: (shown) => `Showing the first ${shown} initiatives in this area. Zoom in to see the rest.`,
    mapFailed: 'The map could not be loaded, so the initiatives are listed instead.',
    scrollHint: 'Use Ctrl + scroll to zoom the map',
    scrollHintMac: 'Use ⌘ + scroll to zoom the map',
    basemapAttribution: 'Basemap: Natural Earth',
  },
  es: {
    mapLabel: 'Mapa de iniciativas',
    mapHelp:
      'Las flechas mueven el mapa; más y menos cambian el zoom. Tab lleva a los marcadores; Intro abre uno. Las mismas iniciativas están en la vista de lista.',
    showAsList: 'Ver como lista',
    showAsMap: 'Ver como mapa',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    closePopup: 'Cerrar',
    showOnMap: (label) => `Ver ${label} en el mapa`,
    clusterLabel: (n, f) => (n === 1 ? '1 iniciativa' : `${f} iniciativas`),
    pinsInView: (n, f) => (n === 1 ? '1 iniciativa en esta zona' : `${f} iniciativas en esta zona`),
    noPinsInView: 'No hay iniciativas en esta zona. Aleja o mueve el mapa para ver más.',
    loadingPins: 'Cargando iniciativas…',
    tooManyPins: (shown) => `Se muestran las primeras ${shown} iniciativas de esta zona. Acerca el mapa para ver el resto.`,
    mapFailed: 'No se pudo cargar el mapa, así que las iniciativas se muestran en una lista.',
    scrollHint: 'Usa Ctrl + rueda para hacer zoom en el mapa',
    scrollHintMac: 'Usa ⌘ + rueda para hacer zoom en el mapa',
    basemapAttribution: 'Mapa base: Natural Earth',
  },
  de: {
    mapLabel: 'Karte der Initiativen',
    mapHelp:
      'Pfeiltasten verschieben die Karte, Plus und Minus zoomen. Mit Tab erreichst du die Markierungen, Eingabe öffnet eine. Dieselben Initiativen stehen auch in der Listenansicht.',
    showAsList: 'Als Liste zeigen',
    showAsMap: 'Als Karte zeigen',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    closePopup: 'Schließen',
    showOnMap: (label) => `${label} auf der Karte zeigen`,
    clusterLabel: (n, f) => (n === 1 ? '1 Initiative' : `${f} Initiativen`),
    pinsInView: (n, f) => (n === 1 ? '1 Initiative in diesem Gebiet' : `${f} Initiativen in diesem Gebiet`),
    noPinsInView: 'Keine Initiativen in diesem Gebiet. Verkleinere oder verschiebe die Karte, um mehr zu sehen.',
    loadingPins: 'Initiativen werden geladen…',
    tooManyPins: (shown) => `Die ersten ${shown} Initiativen in diesem Gebiet. Vergrößere die Karte, um den Rest zu sehen.`,
    mapFailed: 'Die Karte konnte nicht geladen werden, deshalb stehen die Initiativen in einer Liste.',
    scrollHint: 'Strg + Mausrad zum Zoomen der Karte',
    scrollHintMac: '⌘ + Mausrad zum Zoomen der Karte',
    basemapAttribution: 'Grundkarte: Natural Earth',
  },
  fr: {
    mapLabel: 'Carte des initiatives',
    mapHelp:
      'Les flèches déplacent la carte, plus et moins zooment. Tab mène aux repères ; Entrée en ouvre un. Les mêmes initiatives sont dans la vue en liste.',
    showAsList: 'Afficher en liste',
    showAsMap: 'Afficher la carte',
    zoomIn: 'Zoomer',
    zoomOut: 'Dézoomer',
    closePopup: 'Fermer',
    showOnMap: (label) => `Afficher ${label} sur la carte`,
    clusterLabel: (n, f) => (n < 2 ? `${f} initiative` : `${f} initiatives`),
    pinsInView: (n, f) => (n < 2 ? `${f} initiative dans cette zone` : `${f} initiatives dans cette zone`),
    noPinsInView: 'Aucune initiative dans cette zone. Dézoomez ou déplacez la carte pour en voir davantage.',
    loadingPins: 'Chargement des initiatives…',
    tooManyPins: (shown) => `Les ${shown} premières initiatives de cette zone. Zoomez pour voir les autres.`,
    mapFailed: 'La carte n’a pas pu être chargée : les initiatives sont affichées en liste.',
    scrollHint: 'Utilisez Ctrl + molette pour zoomer sur la carte',
    scrollHintMac: 'Utilisez ⌘ + molette pour zoomer sur la carte',
    basemapAttribution: 'Fond de carte : Natural Earth',
  },
  ar: {
    mapLabel: 'خريطة المبادرات',
    mapHelp:
      'تحرّك مفاتيح الأسهم الخريطة، ويكبّر الزائد والناقص أو يصغّران. يصل مفتاح Tab إلى العلامات، ويفتح Enter إحداها. المبادرات نفسها موجودة في عرض القائمة.',
    showAsList: 'اعرض كقائمة',
    showAsMap: 'اعرض كخريطة',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    closePopup: 'إغلاق',
    showOnMap: (label) => `اعرض ${label} على الخريطة`,
    clusterLabel: arabicCount,
    pinsInView: (n, f) => `${arabicCount(n, f)} في هذه المنطقة`,
    noPinsInView: 'لا توجد مبادرات في هذه المنطقة. صغّر الخريطة أو حرّكها لرؤية المزيد.',
    loadingPins: 'جارٍ تحميل المبادرات…',
    tooManyPins: (shown) => `تُعرض أول ${shown} مبادرة في هذه المنطقة. كبّر الخريطة لرؤية البقية.`,
    mapFailed: 'تعذّر تحميل الخريطة، لذا تُعرض المبادرات في قائمة.',
    scrollHint: 'استخدم Ctrl مع عجلة الفأرة لتكبير الخريطة',
    scrollHintMac: 'استخدم ⌘ مع عجلة الفأرة لتكبير الخريطة',
    basemapAttribution: 'الخريطة الأساسية: Natural Earth',
  },
} satisfies Record<Language, MapStrings>;
