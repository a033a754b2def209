import type { Language } from '../translations/languages.js';

/** Every string `<civic-map>` shows (cards in popups and in the list use the card's strings). */
export interface MapStrings {
  mapLabel: string;
  mapHelp: string;
  mapListLabel: string;
  mapShowAsList: string;
  mapShowAsMap: string;
  mapZoomIn: string;
  mapZoomOut: string;
  mapClosePopup: string;
  mapShowOnMap: (label: string) => string;
  /** The accessible name of a cluster marker, e.g. "12 initiatives"; it must contain the number as shown. */
  mapClusterLabel: (count: number, formatted: string) => string;
  mapPinsInView: (count: number, formatted: string) => string;
  /** The popup of pins that share one place. */
  mapGroupLabel: (count: number, formatted: string) => string;
  mapNoPinsInView: string;
  mapLoadingPins: string;
  mapTooManyPins: (shown: string) => string;
  /** Initiatives with an address but no point (a place without a pin): left off the map, counted. */
  mapNotOnMap: (count: number, formatted: string) => string;
  mapFailed: string;
  mapScrollHint: string;
  mapScrollHintMac: string;
  mapBasemapAttribution: string;
  /** The button that loads another host's map tiles; `provider` is its name or host. */
  mapShowTiles: (provider: string) => string;
  mapTilesNote: (provider: string) => string;
}

const plural = (lang: string, n: number) => new Intl.PluralRules(lang).select(n);
/** With the number always written out: the cluster's accessible name must contain its visible count. */
const arabicCluster = (n: number, f: string) => (plural('ar', n) === 'few' ? `${f} مبادرات` : `${f} مبادرة`);
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

export const en: MapStrings = {
  mapLabel: 'Map of initiatives',
  mapHelp:
    'Arrow keys move the map, plus and minus zoom. Tab goes to the pins; Enter opens one. The same initiatives are in the list view.',
  mapListLabel: 'Initiatives in the map’s area',
  mapShowAsList: 'Show as list',
  mapShowAsMap: 'Show as map',
  mapZoomIn: 'Zoom in',
  mapZoomOut: 'Zoom out',
  mapClosePopup: 'Close',
  mapShowOnMap: (label) => `Show ${label} on the map`,
  mapClusterLabel: (n, f) => (n === 1 ? '1 initiative' : `${f} initiatives`),
  mapPinsInView: (n, f) => (n === 1 ? '1 initiative in this area' : `${f} initiatives in this area`),
  mapGroupLabel: (n, f) => (n === 1 ? '1 initiative here' : `${f} initiatives here`),
  mapNoPinsInView: 'No initiatives in this area. Zoom out or move the map to see more.',
  mapLoadingPins: 'Loading initiatives…',
  mapTooManyPins: (shown) => `Showing the first ${shown} initiatives in this area. Zoom in to see the rest.`,
  mapNotOnMap: (n, f) =>
    n === 1
      ? '1 initiative has an address but no place on the map, so it is not shown.'
      : `${f} initiatives have an address but no place on the map, so they are not shown.`,
  mapFailed: 'The map could not be loaded, so the initiatives are listed instead.',
  mapScrollHint: 'Use Ctrl + scroll to zoom the map',
  mapScrollHintMac: 'Use ⌘ + scroll to zoom the map',
  mapBasemapAttribution: 'Basemap: Natural Earth',
  mapShowTiles: (p) => `Show the detailed map from ${p}`,
  mapTilesNote: (p) =>
    `The detailed map’s images come from ${p}, which then sees your IP address. Until you choose, a simple map drawn in your browser is shown.`,
};

export const es: MapStrings = {
  mapLabel: 'Mapa de iniciativas',
  mapHelp:
    'Las flechas mueven el mapa; más y menos cambian el zoom. Tab lleva a los marcadores; Intro abre uno. Las mismas iniciativas están en la vista de lista.',
  mapListLabel: 'Iniciativas de la zona del mapa',
  mapShowAsList: 'Ver como lista',
  mapShowAsMap: 'Ver como mapa',
  mapZoomIn: 'Acercar',
  mapZoomOut: 'Alejar',
  mapClosePopup: 'Cerrar',
  mapShowOnMap: (label) => `Ver ${label} en el mapa`,
  mapClusterLabel: (n, f) => (n === 1 ? '1 iniciativa' : `${f} iniciativas`),
  mapPinsInView: (n, f) => (n === 1 ? '1 iniciativa en esta zona' : `${f} iniciativas en esta zona`),
  mapGroupLabel: (n, f) => (n === 1 ? '1 iniciativa aquí' : `${f} iniciativas aquí`),
  mapNoPinsInView: 'No hay iniciativas en esta zona. Aleja o mueve el mapa para ver más.',
  mapLoadingPins: 'Cargando iniciativas…',
  mapTooManyPins: (shown) =>
    `Se muestran las primeras ${shown} iniciativas de esta zona. Acerca el mapa para ver el resto.`,
  mapNotOnMap: (n, f) =>
    n === 1
      ? '1 iniciativa tiene dirección pero no tiene lugar en el mapa, así que no se muestra.'
      : `${f} iniciativas tienen dirección pero no tienen lugar en el mapa, así que no se muestran.`,
  mapFailed: 'No se pudo cargar el mapa, así que las iniciativas se muestran en una lista.',
  mapScrollHint: 'Usa Ctrl + rueda para hacer zoom en el mapa',
  mapScrollHintMac: 'Usa ⌘ + rueda para hacer zoom en el mapa',
  mapBasemapAttribution: 'Mapa base: Natural Earth',
  mapShowTiles: (p) => `Mostrar el mapa detallado de ${p}`,
  mapTilesNote: (p) =>
    `Las imágenes del mapa detallado vienen de ${p}, que verá tu dirección IP. Hasta que lo elijas, se muestra un mapa sencillo dibujado en tu navegador.`,
};

export const de: MapStrings = {
  mapLabel: 'Karte der Initiativen',
  mapHelp:
    'Pfeiltasten verschieben die Karte, Plus und Minus zoomen. Mit Tab erreichst du die Markierungen, Eingabe öffnet eine. Dieselben Initiativen stehen auch in der Listenansicht.',
  mapListLabel: 'Initiativen im Kartenausschnitt',
  mapShowAsList: 'Als Liste zeigen',
  mapShowAsMap: 'Als Karte zeigen',
  mapZoomIn: 'Vergrößern',
  mapZoomOut: 'Verkleinern',
  mapClosePopup: 'Schließen',
  mapShowOnMap: (label) => `${label} auf der Karte zeigen`,
  mapClusterLabel: (n, f) => (n === 1 ? '1 Initiative' : `${f} Initiativen`),
  mapPinsInView: (n, f) => (n === 1 ? '1 Initiative in diesem Gebiet' : `${f} Initiativen in diesem Gebiet`),
  mapGroupLabel: (n, f) => (n === 1 ? '1 Initiative an diesem Ort' : `${f} Initiativen an diesem Ort`),
  mapNoPinsInView: 'Keine Initiativen in diesem Gebiet. Verkleinere oder verschiebe die Karte, um mehr zu sehen.',
  mapLoadingPins: 'Initiativen werden geladen…',
  mapTooManyPins: (shown) =>
    `Die ersten ${shown} Initiativen in diesem Gebiet. Vergrößere die Karte, um den Rest zu sehen.`,
  mapNotOnMap: (n, f) =>
    n === 1
      ? '1 Initiative hat eine Adresse, aber keinen Ort auf der Karte, und wird deshalb nicht angezeigt.'
      : `${f} Initiativen haben eine Adresse, aber keinen Ort auf der Karte, und werden deshalb nicht angezeigt.`,
  mapFailed: 'Die Karte konnte nicht geladen werden, deshalb stehen die Initiativen in einer Liste.',
  mapScrollHint: 'Strg + Mausrad zum Zoomen der Karte',
  mapScrollHintMac: '⌘ + Mausrad zum Zoomen der Karte',
  mapBasemapAttribution: 'Grundkarte: Natural Earth',
  mapShowTiles: (p) => `Detaillierte Karte von ${p} zeigen`,
  mapTilesNote: (p) =>
    `Die Bilder der detaillierten Karte kommen von ${p}; dieser Dienst sieht dann deine IP-Adresse. Bis du dich entscheidest, zeigt dein Browser eine einfache Karte.`,
};

export const fr: MapStrings = {
  mapLabel: 'Carte des initiatives',
  mapHelp:
    'Les flèches déplacent la carte, plus et moins zooment. Tab mène aux repères ; Entrée en ouvre un. Les mêmes initiatives sont dans la vue en liste.',
  mapListLabel: 'Initiatives de la zone de la carte',
  mapShowAsList: 'Afficher en liste',
  mapShowAsMap: 'Afficher la carte',
  mapZoomIn: 'Zoomer',
  mapZoomOut: 'Dézoomer',
  mapClosePopup: 'Fermer',
  mapShowOnMap: (label) => `Afficher ${label} sur la carte`,
  mapClusterLabel: (n, f) => (n < 2 ? `${f} initiative` : `${f} initiatives`),
  mapPinsInView: (n, f) => (n < 2 ? `${f} initiative dans cette zone` : `${f} initiatives dans cette zone`),
  mapGroupLabel: (n, f) => (n < 2 ? `${f} initiative ici` : `${f} initiatives ici`),
  mapNoPinsInView: 'Aucune initiative dans cette zone. Dézoomez ou déplacez la carte pour en voir davantage.',
  mapLoadingPins: 'Chargement des initiatives…',
  mapTooManyPins: (shown) => `Les ${shown} premières initiatives de cette zone. Zoomez pour voir les autres.`,
  mapNotOnMap: (n, f) =>
    n <= 1
      ? `${f} initiative a une adresse mais pas de position sur la carte : elle n’y figure pas.`
      : `${f} initiatives ont une adresse mais pas de position sur la carte : elles n’y figurent pas.`,
  mapFailed: 'La carte n’a pas pu être chargée : les initiatives sont affichées en liste.',
  mapScrollHint: 'Utilisez Ctrl + molette pour zoomer sur la carte',
  mapScrollHintMac: 'Utilisez ⌘ + molette pour zoomer sur la carte',
  mapBasemapAttribution: 'Fond de carte : Natural Earth',
  mapShowTiles: (p) => `Afficher la carte détaillée de ${p}`,
  mapTilesNote: (p) =>
    `Les images de la carte détaillée viennent de ${p}, qui voit alors votre adresse IP. En attendant votre choix, une carte simple dessinée par votre navigateur est affichée.`,
};

export const ar: MapStrings = {
  mapLabel: 'خريطة المبادرات',
  mapHelp:
    'تحرّك مفاتيح الأسهم الخريطة، ويكبّر الزائد والناقص أو يصغّران. يصل مفتاح Tab إلى العلامات، ويفتح Enter إحداها. المبادرات نفسها موجودة في عرض القائمة.',
  mapListLabel: 'المبادرات في منطقة الخريطة',
  mapShowAsList: 'اعرض كقائمة',
  mapShowAsMap: 'اعرض كخريطة',
  mapZoomIn: 'تكبير',
  mapZoomOut: 'تصغير',
  mapClosePopup: 'إغلاق',
  mapShowOnMap: (label) => `اعرض ${label} على الخريطة`,
  mapClusterLabel: arabicCluster,
  mapPinsInView: (n, f) => `${arabicCount(n, f)} في هذه المنطقة`,
  mapGroupLabel: (n, f) => `${arabicCount(n, f)} هنا`,
  mapNoPinsInView: 'لا توجد مبادرات في هذه المنطقة. صغّر الخريطة أو حرّكها لرؤية المزيد.',
  mapLoadingPins: 'جارٍ تحميل المبادرات…',
  mapTooManyPins: (shown) => `تُعرض أول ${shown} مبادرة في هذه المنطقة. كبّر الخريطة لرؤية البقية.`,
  mapNotOnMap: (n, f) => `${arabicCount(n, f)} لها عنوان دون موقع على الخريطة، لذا لا تظهر عليها.`,
  mapFailed: 'تعذّر تحميل الخريطة، لذا تُعرض المبادرات في قائمة.',
  mapScrollHint: 'استخدم Ctrl مع عجلة الفأرة لتكبير الخريطة',
  mapScrollHintMac: 'استخدم ⌘ مع عجلة الفأرة لتكبير الخريطة',
  mapBasemapAttribution: 'الخريطة الأساسية: Natural Earth',
  mapShowTiles: (p) => `اعرض الخريطة المفصلة من ${p}`,
  mapTilesNote: (p) =>
    `تأتي صور الخريطة المفصلة من ${p}، الذي سيرى عنوان IP الخاص بك. إلى أن تختار، تُعرض خريطة بسيطة يرسمها متصفحك.`,
};

export const mapStrings = { en, es, de, fr, ar } satisfies Record<Language, MapStrings>;
