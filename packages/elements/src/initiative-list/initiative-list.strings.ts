import type { Language } from '../translations/languages.js';

/**
 * Every string `<civic-initiative-list>` shows (the cards inside use the card's strings). Numbers
 * arrive formatted for the locale, with the raw count beside them for the plural choice.
 */
export interface InitiativeListStrings {
  listLabel: string;
  filtersLabel: string;
  search: string;
  searchButton: string;
  statusFilter: string;
  anyStatus: string;
  topicFilter: string;
  anyTopic: string;
  distanceFilter: string;
  anyDistance: string;
  /** `distance` is already formatted, e.g. "10 km". */
  withinDistance: (distance: string) => string;
  fromPlace: (place: string) => string;
  yourLocation: string;
  useMyLocation: string;
  locating: string;
  locationFailed: string;
  sortLabel: string;
  sortRelevance: string;
  sortNewest: string;
  sortSupporters: string;
  sortDistance: string;
  sortEndingSoon: string;
  clearFilters: string;
  showMore: string;
  loadingMore: string;
  resultCount: (count: number, formatted: string) => string;
  showingOf: (shown: string, total: number, totalFormatted: string) => string;
  noMatches: string;
  noneYet: string;
}

const plural = (lang: string, n: number) => new Intl.PluralRules(lang).select(n);

export const initiativeListStrings = {
  en: {
    listLabel: 'Initiatives',
    filtersLabel: 'Filter initiatives',
    search: 'Search',
    searchButton: 'Search',
    statusFilter: 'Status',
    anyStatus: 'Any status',
    topicFilter: 'Topic',
    anyTopic: 'Any topic',
    distanceFilter: 'Distance',
    anyDistance: 'Any distance',
    withinDistance: (d) => `Within ${d}`,
    fromPlace: (p) => `from ${p}`,
    yourLocation: 'your location',
    useMyLocation: 'Use my location',
    locating: 'Finding your location…',
    locationFailed: 'Your location is not available. Check that this site may use it, then try again.',
    sortLabel: 'Sort by',
    sortRelevance: 'Best match',
    sortNewest: 'Newest',
    sortSupporters: 'Most supported',
    sortDistance: 'Nearest',
    sortEndingSoon: 'Ending soon',
    clearFilters: 'Clear filters',
    showMore: 'Show more initiatives',
    loadingMore: 'Loading more initiatives…',
    resultCount: (n, f) => (n === 1 ? '1 initiative' : `${f} initiatives`),
    showingOf: (shown, _total, total) => `Showing ${shown} of ${total} initiatives`,
    noMatches: 'No initiatives match these filters.',
    noneYet: 'There are no initiatives to show yet.',
  },
  es: {
    listLabel: 'Iniciativas',
    filtersLabel: 'Filtrar iniciativas',
    search: 'Buscar',
    searchButton: 'Buscar',
    statusFilter: 'Estado',
    anyStatus: 'Cualquier estado',
    topicFilter: 'Tema',
    anyTopic: 'Cualquier tema',
    distanceFilter: 'Distancia',
    anyDistance: 'Cualquier distancia',
    withinDistance: (d) => `A menos de ${d}`,
    fromPlace: (p) => `de ${p}`,
    yourLocation: 'tu ubicación',
    useMyLocation: 'Usar mi ubicación',
    locating: 'Buscando tu ubicación…',
    locationFailed: 'Tu ubicación no está disponible. Comprueba que este sitio puede usarla e inténtalo de nuevo.',
    sortLabel: 'Ordenar por',
    sortRelevance: 'Más relevantes',
    sortNewest: 'Más recientes',
    sortSupporters: 'Más apoyadas',
    sortDistance: 'Más cercanas',
    sortEndingSoon: 'Terminan pronto',
    clearFilters: 'Quitar filtros',
    showMore: 'Mostrar más iniciativas',
    loadingMore: 'Cargando más iniciativas…',
    resultCount: (n, f) => (n === 1 ? '1 iniciativa' : `${f} iniciativas`),
    showingOf: (shown, _total, total) => `Mostrando ${shown} de ${total} iniciativas`,
    noMatches: 'Ninguna iniciativa coincide con estos filtros.',
    noneYet: 'Todavía no hay iniciativas que mostrar.',
  },
  de: {
    listLabel: 'Initiativen',
    filtersLabel: 'Initiativen filtern',
    search: 'Suche',
    searchButton: 'Suchen',
    statusFilter: 'Status',
    anyStatus: 'Jeder Status',
    topicFilter: 'Thema',
    anyTopic: 'Jedes Thema',
    distanceFilter: 'Entfernung',
    anyDistance: 'Beliebige Entfernung',
    withinDistance: (d) => `Im Umkreis von ${d}`,
    fromPlace: (p) => `um ${p}`,
    yourLocation: 'deinen Standort',
    useMyLocation: 'Meinen Standort verwenden',
    locating: 'Standort wird ermittelt…',
    locationFailed:
      'Dein Standort ist nicht verfügbar. Prüfe, ob diese Seite ihn verwenden darf, und versuche es noch einmal.',
    sortLabel: 'Sortieren nach',
    sortRelevance: 'Beste Treffer',
    sortNewest: 'Neueste',
    sortSupporters: 'Meiste Unterstützung',
    sortDistance: 'Nächstgelegene',
    sortEndingSoon: 'Endet bald',
    clearFilters: 'Filter zurücksetzen',
    showMore: 'Weitere Initiativen anzeigen',
    loadingMore: 'Weitere Initiativen werden geladen…',
    resultCount: (n, f) => (n === 1 ? '1 Initiative' : `${f} Initiativen`),
    showingOf: (shown, _total, total) => `${shown} von ${total} Initiativen`,
    noMatches: 'Keine Initiative passt zu diesen Filtern.',
    noneYet: 'Noch keine Initiativen vorhanden.',
  },
  fr: {
    listLabel: 'Initiatives',
    filtersLabel: 'Filtrer les initiatives',
    search: 'Rechercher',
    searchButton: 'Rechercher',
    statusFilter: 'Statut',
    anyStatus: 'Tous les statuts',
    topicFilter: 'Thème',
    anyTopic: 'Tous les thèmes',
    distanceFilter: 'Distance',
    anyDistance: 'Toutes distances',
    withinDistance: (d) => `À moins de ${d}`,
    fromPlace: (p) => `de ${p}`,
    yourLocation: 'votre position',
    useMyLocation: 'Utiliser ma position',
    locating: 'Recherche de votre position…',
    locationFailed: 'Votre position n’est pas disponible. Vérifiez que ce site peut l’utiliser, puis réessayez.',
    sortLabel: 'Trier par',
    sortRelevance: 'Pertinence',
    sortNewest: 'Plus récentes',
    sortSupporters: 'Plus soutenues',
    sortDistance: 'Plus proches',
    sortEndingSoon: 'Se terminent bientôt',
    clearFilters: 'Effacer les filtres',
    showMore: 'Afficher plus d’initiatives',
    loadingMore: 'Chargement d’autres initiatives…',
    resultCount: (n, f) => (n < 2 ? `${f} initiative` : `${f} initiatives`),
    showingOf: (shown, _total, total) => `${shown} sur ${total} initiatives affichées`,
    noMatches: 'Aucune initiative ne correspond à ces filtres.',
    noneYet: 'Aucune initiative à afficher pour l’instant.',
  },
  ar: {
    listLabel: 'المبادرات',
    filtersLabel: 'تصفية المبادرات',
    search: 'بحث',
    searchButton: 'ابحث',
    statusFilter: 'الحالة',
    anyStatus: 'أي حالة',
    topicFilter: 'الموضوع',
    anyTopic: 'أي موضوع',
    distanceFilter: 'المسافة',
    anyDistance: 'أي مسافة',
    withinDistance: (d) => `في نطاق ${d}`,
    fromPlace: (p) => `من ${p}`,
    yourLocation: 'موقعك',
    useMyLocation: 'استخدم موقعي',
    locating: 'جارٍ تحديد موقعك…',
    locationFailed: 'موقعك غير متاح. تحقق من أن هذا الموقع مسموح له باستخدامه، ثم حاول مرة أخرى.',
    sortLabel: 'الترتيب حسب',
    sortRelevance: 'الأكثر صلة',
    sortNewest: 'الأحدث',
    sortSupporters: 'الأكثر دعمًا',
    sortDistance: 'الأقرب',
    sortEndingSoon: 'تنتهي قريبًا',
    clearFilters: 'مسح عوامل التصفية',
    showMore: 'عرض مزيد من المبادرات',
    loadingMore: 'جارٍ تحميل مزيد من المبادرات…',
    resultCount: (n, f) => {
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
    },
    showingOf: (shown, _total, total) => `عرض ${shown} من ${total}`,
    noMatches: 'لا توجد مبادرات تطابق عوامل التصفية هذه.',
    noneYet: 'لا توجد مبادرات لعرضها بعد.',
  },
} satisfies Record<Language, InitiativeListStrings>;
