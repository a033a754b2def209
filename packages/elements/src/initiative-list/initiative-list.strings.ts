import type { Language } from '../translations/languages.js';

/**
 * Every string `<civic-initiative-list>` shows (the cards inside use the card's strings). Numbers
 * arrive formatted for the locale, with the raw count beside them for the plural choice.
 */
export interface InitiativeListStrings {
  listLabel: string;
  listFiltersLabel: string;
  /** The search form's name when the list has a `label`: two lists on a page need different names. */
  listFiltersFor: (label: string) => string;
  listSearch: string;
  listSearchButton: string;
  listStatusFilter: string;
  listAnyStatus: string;
  listTopicFilter: string;
  listAnyTopic: string;
  listDistanceFilter: string;
  listAnyDistance: string;
  /** `distance` is already formatted, e.g. "10 km". */
  listWithinDistance: (distance: string) => string;
  listFromPlace: (place: string) => string;
  listYourLocation: string;
  listUseMyLocation: string;
  listLocating: string;
  listLocationFailed: string;
  /** The label of the box for a town or postcode to measure distance from. */
  listNearPlace: string;
  listFindPlace: string;
  listPlaceChoose: (place: string) => string;
  listPlaceChooseNone: string;
  listPlaceNotFound: (place: string) => string;
  listSortLabel: string;
  listSortRelevance: string;
  listSortNewest: string;
  listSortSupporters: string;
  listSortDistance: string;
  listSortEndingSoon: string;
  listClearFilters: string;
  listShowMore: string;
  listLoadingMore: string;
  listResultCount: (count: number, formatted: string) => string;
  listShowingOf: (shown: string, total: number, totalFormatted: string) => string;
  listNoMatches: string;
  listNoneYet: string;
  /** Some sources of a joined-up list could not be read; `sources` is their names, already joined. */
  listPartial: (sources: string) => string;
  /** Items a source sent that could not be shown (left out and counted by the adapter). */
  listSkipped: (count: number, formatted: string, sources: string) => string;
}

const plural = (lang: string, n: number) => new Intl.PluralRules(lang).select(n);

export const en: InitiativeListStrings = {
  listLabel: 'Initiatives',
  listFiltersLabel: 'Filter initiatives',
  listFiltersFor: (l) => `Filter ${l}`,
  listSearch: 'Search',
  listSearchButton: 'Search',
  listStatusFilter: 'Status',
  listAnyStatus: 'Any status',
  listTopicFilter: 'Topic',
  listAnyTopic: 'Any topic',
  listDistanceFilter: 'Distance',
  listAnyDistance: 'Any distance',
  listWithinDistance: (d) => `Within ${d}`,
  listFromPlace: (p) => `from ${p}`,
  listYourLocation: 'your location',
  listUseMyLocation: 'Use my location',
  listLocating: 'Finding your location…',
  listLocationFailed: 'Your location is not available. Check that this site may use it, then try again.',
  listNearPlace: 'Near a town or postcode',
  listFindPlace: 'Find',
  listPlaceChoose: (p) => `Which “${p}” do you mean?`,
  listPlaceChooseNone: 'Choose a place',
  listPlaceNotFound: (p) => `We could not find “${p}”. Check the spelling, or try a nearby town or postcode.`,
  listSortLabel: 'Sort by',
  listSortRelevance: 'Best match',
  listSortNewest: 'Newest',
  listSortSupporters: 'Most supported',
  listSortDistance: 'Nearest',
  listSortEndingSoon: 'Ending soon',
  listClearFilters: 'Clear filters',
  listShowMore: 'Show more initiatives',
  listLoadingMore: 'Loading more initiatives…',
  listResultCount: (n, f) => (n === 1 ? '1 initiative' : `${f} initiatives`),
  listShowingOf: (shown, _total, total) => `Showing ${shown} of ${total} initiatives`,
  listNoMatches: 'No initiatives match these filters.',
  listNoneYet: 'There are no initiatives to show yet.',
  listPartial: (s) => `Could not reach ${s}, so some initiatives are missing from this list.`,
  listSkipped: (n, f, s) =>
    n === 1 ? `1 initiative from ${s} could not be shown.` : `${f} initiatives from ${s} could not be shown.`,
};

export const es: InitiativeListStrings = {
  listLabel: 'Iniciativas',
  listFiltersLabel: 'Filtrar iniciativas',
  listFiltersFor: (l) => `Filtrar ${l}`,
  listSearch: 'Buscar',
  listSearchButton: 'Buscar',
  listStatusFilter: 'Estado',
  listAnyStatus: 'Cualquier estado',
  listTopicFilter: 'Tema',
  listAnyTopic: 'Cualquier tema',
  listDistanceFilter: 'Distancia',
  listAnyDistance: 'Cualquier distancia',
  listWithinDistance: (d) => `A menos de ${d}`,
  listFromPlace: (p) => `de ${p}`,
  listYourLocation: 'tu ubicación',
  listUseMyLocation: 'Usar mi ubicación',
  listLocating: 'Buscando tu ubicación…',
  listLocationFailed: 'Tu ubicación no está disponible. Comprueba que este sitio puede usarla e inténtalo de nuevo.',
  listNearPlace: 'Cerca de una localidad o código postal',
  listFindPlace: 'Buscar',
  listPlaceChoose: (p) => `¿A qué «${p}» te refieres?`,
  listPlaceChooseNone: 'Elige un lugar',
  listPlaceNotFound: (p) =>
    `No encontramos «${p}». Revisa cómo lo escribiste o prueba con una localidad o un código postal cercano.`,
  listSortLabel: 'Ordenar por',
  listSortRelevance: 'Más relevantes',
  listSortNewest: 'Más recientes',
  listSortSupporters: 'Más apoyadas',
  listSortDistance: 'Más cercanas',
  listSortEndingSoon: 'Terminan pronto',
  listClearFilters: 'Quitar filtros',
  listShowMore: 'Mostrar más iniciativas',
  listLoadingMore: 'Cargando más iniciativas…',
  listResultCount: (n, f) => (n === 1 ? '1 iniciativa' : `${f} iniciativas`),
  listShowingOf: (shown, _total, total) => `Mostrando ${shown} de ${total} iniciativas`,
  listNoMatches: 'Ninguna iniciativa coincide con estos filtros.',
  listNoneYet: 'Todavía no hay iniciativas que mostrar.',
  listPartial: (s) => `No se pudo acceder a ${s}, así que faltan algunas iniciativas en esta lista.`,
  listSkipped: (n, f, s) =>
    n === 1 ? `No se pudo mostrar 1 iniciativa de ${s}.` : `No se pudieron mostrar ${f} iniciativas de ${s}.`,
};

export const de: InitiativeListStrings = {
  listLabel: 'Initiativen',
  listFiltersLabel: 'Initiativen filtern',
  listFiltersFor: (l) => `${l} filtern`,
  listSearch: 'Suche',
  listSearchButton: 'Suchen',
  listStatusFilter: 'Status',
  listAnyStatus: 'Jeder Status',
  listTopicFilter: 'Thema',
  listAnyTopic: 'Jedes Thema',
  listDistanceFilter: 'Entfernung',
  listAnyDistance: 'Beliebige Entfernung',
  listWithinDistance: (d) => `Im Umkreis von ${d}`,
  listFromPlace: (p) => `um ${p}`,
  listYourLocation: 'deinen Standort',
  listUseMyLocation: 'Meinen Standort verwenden',
  listLocating: 'Standort wird ermittelt…',
  listLocationFailed:
    'Dein Standort ist nicht verfügbar. Prüfe, ob diese Seite ihn verwenden darf, und versuche es noch einmal.',
  listNearPlace: 'In der Nähe eines Orts oder einer Postleitzahl',
  listFindPlace: 'Suchen',
  listPlaceChoose: (p) => `Welches „${p}“ meinst du?`,
  listPlaceChooseNone: 'Wähle einen Ort',
  listPlaceNotFound: (p) =>
    `Wir haben „${p}“ nicht gefunden. Prüfe die Schreibweise oder versuche einen Ort oder eine Postleitzahl in der Nähe.`,
  listSortLabel: 'Sortieren nach',
  listSortRelevance: 'Beste Treffer',
  listSortNewest: 'Neueste',
  listSortSupporters: 'Meiste Unterstützung',
  listSortDistance: 'Nächstgelegene',
  listSortEndingSoon: 'Endet bald',
  listClearFilters: 'Filter zurücksetzen',
  listShowMore: 'Weitere Initiativen anzeigen',
  listLoadingMore: 'Weitere Initiativen werden geladen…',
  listResultCount: (n, f) => (n === 1 ? '1 Initiative' : `${f} Initiativen`),
  listShowingOf: (shown, _total, total) => `${shown} von ${total} Initiativen`,
  listNoMatches: 'Keine Initiative passt zu diesen Filtern.',
  listNoneYet: 'Noch keine Initiativen vorhanden.',
  listPartial: (s) => `Nicht erreichbar: ${s}. Deshalb fehlen in dieser Liste einige Initiativen.`,
  listSkipped: (n, f, s) =>
    n === 1
      ? `1 Initiative von ${s} konnte nicht angezeigt werden.`
      : `${f} Initiativen von ${s} konnten nicht angezeigt werden.`,
};

export const fr: InitiativeListStrings = {
  listLabel: 'Initiatives',
  listFiltersLabel: 'Filtrer les initiatives',
  listFiltersFor: (l) => `Filtrer ${l}`,
  listSearch: 'Rechercher',
  listSearchButton: 'Rechercher',
  listStatusFilter: 'Statut',
  listAnyStatus: 'Tous les statuts',
  listTopicFilter: 'Thème',
  listAnyTopic: 'Tous les thèmes',
  listDistanceFilter: 'Distance',
  listAnyDistance: 'Toutes distances',
  listWithinDistance: (d) => `À moins de ${d}`,
  listFromPlace: (p) => `de ${p}`,
  listYourLocation: 'votre position',
  listUseMyLocation: 'Utiliser ma position',
  listLocating: 'Recherche de votre position…',
  listLocationFailed: 'Votre position n’est pas disponible. Vérifiez que ce site peut l’utiliser, puis réessayez.',
  listNearPlace: 'Près d’une ville ou d’un code postal',
  listFindPlace: 'Chercher',
  listPlaceChoose: (p) => `De quel « ${p} » s’agit-il ?`,
  listPlaceChooseNone: 'Choisissez un lieu',
  listPlaceNotFound: (p) =>
    `Nous n’avons pas trouvé « ${p} ». Vérifiez l’orthographe, ou essayez une ville ou un code postal proche.`,
  listSortLabel: 'Trier par',
  listSortRelevance: 'Pertinence',
  listSortNewest: 'Plus récentes',
  listSortSupporters: 'Plus soutenues',
  listSortDistance: 'Plus proches',
  listSortEndingSoon: 'Se terminent bientôt',
  listClearFilters: 'Effacer les filtres',
  listShowMore: 'Afficher plus d’initiatives',
  listLoadingMore: 'Chargement d’autres initiatives…',
  listResultCount: (n, f) => (n < 2 ? `${f} initiative` : `${f} initiatives`),
  listShowingOf: (shown, _total, total) => `${shown} sur ${total} initiatives affichées`,
  listNoMatches: 'Aucune initiative ne correspond à ces filtres.',
  listNoneYet: 'Aucune initiative à afficher pour l’instant.',
  listPartial: (s) => `Impossible de joindre ${s} : il manque donc des initiatives dans cette liste.`,
  listSkipped: (n, f, s) =>
    n <= 1
      ? `${f} initiative de ${s} n’a pas pu être affichée.`
      : `${f} initiatives de ${s} n’ont pas pu être affichées.`,
};

export const ar: InitiativeListStrings = {
  listLabel: 'المبادرات',
  listFiltersLabel: 'تصفية المبادرات',
  listFiltersFor: (l) => `تصفية ${l}`,
  listSearch: 'بحث',
  listSearchButton: 'ابحث',
  listStatusFilter: 'الحالة',
  listAnyStatus: 'أي حالة',
  listTopicFilter: 'الموضوع',
  listAnyTopic: 'أي موضوع',
  listDistanceFilter: 'المسافة',
  listAnyDistance: 'أي مسافة',
  listWithinDistance: (d) => `في نطاق ${d}`,
  listFromPlace: (p) => `من ${p}`,
  listYourLocation: 'موقعك',
  listUseMyLocation: 'استخدم موقعي',
  listLocating: 'جارٍ تحديد موقعك…',
  listLocationFailed: 'موقعك غير متاح. تحقق من أن هذا الموقع مسموح له باستخدامه، ثم حاول مرة أخرى.',
  listNearPlace: 'قرب مدينة أو رمز بريدي',
  listFindPlace: 'ابحث',
  listPlaceChoose: (p) => `أيّ «${p}» تقصد؟`,
  listPlaceChooseNone: 'اختر مكانًا',
  listPlaceNotFound: (p) => `لم نجد «${p}». تحقّق من الكتابة، أو جرّب مدينة أو رمزًا بريديًا قريبًا.`,
  listSortLabel: 'الترتيب حسب',
  listSortRelevance: 'الأكثر صلة',
  listSortNewest: 'الأحدث',
  listSortSupporters: 'الأكثر دعمًا',
  listSortDistance: 'الأقرب',
  listSortEndingSoon: 'تنتهي قريبًا',
  listClearFilters: 'مسح عوامل التصفية',
  listShowMore: 'عرض مزيد من المبادرات',
  listLoadingMore: 'جارٍ تحميل مزيد من المبادرات…',
  listResultCount: (n, f) => {
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
  listShowingOf: (shown, _total, total) => `عرض ${shown} من ${total}`,
  listNoMatches: 'لا توجد مبادرات تطابق عوامل التصفية هذه.',
  listNoneYet: 'لا توجد مبادرات لعرضها بعد.',
  listPartial: (s) => `تعذّر الوصول إلى ${s}، لذا تنقص هذه القائمة بعض المبادرات.`,
  listSkipped: (n, f, s) => `تعذّر عرض ${f} من المبادرات الواردة من ${s}.`,
};

export const initiativeListStrings = { en, es, de, fr, ar } satisfies Record<Language, InitiativeListStrings>;
