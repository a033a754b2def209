/**
 * Every user-facing string of `<civic-find-the-others>`, in every shipped language. Numbers arrive
 * already formatted for the locale, with the raw count beside them for the plural choice
 * (`Intl.PluralRules`). A host can replace any of them per instance: `el.strings = { signupSubmit: 'Join' }`.
 */
import type { Language } from '../translations/languages.js';

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
const pluralRules = new Map<string, Intl.PluralRules>();
/** The form of a counted phrase the language's plural rules choose for `n`. */
function plural(lang: string, n: number, forms: PluralForms): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return forms[rules.select(n)] ?? forms.other;
}

export interface FindTheOthersStrings {
  signupOptional: string;
  signupName: string;
  signupEmail: string;
  signupEmailHint: string;
  signupPlace: string;
  signupPlacePostcode: string;
  signupPlaceTown: string;
  signupPlaceHint: string;
  signupLocate: string;
  signupLocating: string;
  signupLocated: string;
  signupLocatedExact: string;
  signupLocateExact: string;
  signupLocateClear: string;
  signupLocateDenied: string;
  signupLocateUnavailable: string;
  signupRadius: string;
  signupRadiusHint: string;
  signupRadiusOption: (distance: string) => string;
  signupInterests: string;
  signupInterestsHint: string;
  signupInterestsLoading: string;
  signupInterestsFailed: string;
  signupMessage: string;
  signupMessageHint: string;
  signupConsent: string;
  signupConsentHint: string;
  /** `organisations` is a list in words ("A, B and C"). */
  signupWithdraw: (organisations: string) => string;
  signupConsentConnect: (organisations: string) => string;
  signupConsentConnectExplicit: (organisations: string) => string;
  signupConsentShare: (organisations: string) => string;
  signupConsentShareExplicit: (organisations: string) => string;
  signupConsentNews: (organisations: string) => string;
  signupOrganisersDefault: string;
  signupPrivacy: string;
  signupTrap: string;
  signupSubmit: string;
  signupSubmitAgain: string;
  signupSubmitNow: string;
  signupSending: string;
  signupQueued: string;
  signupQueuedThisPage: string;
  /** Queued because the data source could not be reached (the browser is online): sent again by itself. */
  signupQueuedRetry: string;
  signupQueuedRetryThisPage: string;
  signupFailed: (reason: string) => string;

  signupErrorSummary: string;
  signupErrorPrefix: string;
  signupErrorName: string;
  signupErrorNameLong: (max: string) => string;
  signupErrorEmail: string;
  signupErrorEmailFormat: string;
  signupErrorEmailLong: (max: string) => string;
  signupErrorPlace: string;
  signupErrorPlacePostcode: string;
  signupErrorPlaceTown: string;
  signupErrorPlaceLong: (max: string) => string;
  /** The data source knows no place by what was typed. */
  signupErrorPlaceUnknown: (place: string) => string;
  /** Several places match what was typed and none is chosen yet. */
  signupErrorPlaceChoose: (place: string) => string;
  /** The legend over the places that match what was typed. */
  signupPlaceChoose: (place: string) => string;
  signupPlaceChooseHint: string;
  signupErrorInterests: string;
  signupErrorMessageLong: (max: string) => string;
  signupErrorConsent: string;
  /** A field the data source rejected without saying why. */
  signupErrorInvalid: string;

  signupResults: string;
  signupNearby: (count: number, formatted: string, radius: string) => string;
  signupShared: string;
  signupSharedCount: (count: number, formatted: string, interest: string) => string;
  /** The data source withholds small counts: fewer than `formatted` people (none included). */
  signupNearbyFewer: (formatted: string, radius: string) => string;
  signupSharedFewer: (formatted: string, interest: string) => string;
  signupInitiatives: string;
  signupNoInitiatives: (radius: string) => string;
  signupNext: string;
  signupNextText: string;
  /** Heading of the consent receipt shown once signed up. */
  signupReceipt: string;
  /** After each consent's words: its version and when the data source recorded it. */
  signupReceiptGiven: (version: string, when: string) => string;
}

export const en: FindTheOthersStrings = {
  signupOptional: '(optional)',
  signupName: 'Full name',
  signupEmail: 'Email address',
  signupEmailHint: 'We use it only to put you in touch, as you agree below.',
  signupPlace: 'Postcode or town',
  signupPlacePostcode: 'Postcode',
  signupPlaceTown: 'Town or city',
  signupPlaceHint: 'To find people near you. We keep an area, never your address.',
  signupLocate: 'Use my location',
  signupLocating: 'Finding your location…',
  signupLocated: 'Using your location, rounded to an area about 1 km across.',
  signupLocatedExact: 'Using your exact location.',
  signupLocateExact: 'Share my exact location instead of an area',
  signupLocateClear: 'Type a place instead',
  signupLocateDenied:
    'This page is not allowed to use your location. Type a postcode or town instead, or allow location in your browser’s settings.',
  signupLocateUnavailable: 'Your location could not be found. Type a postcode or town instead.',
  signupRadius: 'How far from you',
  signupRadiusHint: 'We look for people and initiatives within this distance.',
  signupRadiusOption: (d) => `Within ${d}`,
  signupInterests: 'What do you care about?',
  signupInterestsHint: 'Select all that apply.',
  signupInterestsLoading: 'Loading the list of causes…',
  signupInterestsFailed: 'The list of causes could not be loaded.',
  signupMessage: 'Anything you would like local groups to know',
  signupMessageHint: 'Do not include personal details such as your address or phone number.',
  signupConsent: 'Your consent',
  signupConsentHint: 'Tick only what you agree to.',
  signupWithdraw: (o) => `You can withdraw your consent at any time by contacting ${o}.`,
  signupConsentConnect: (o) =>
    `I agree to ${o} using my name, email address, area and interests to put me in touch with people and groups near me who care about the same things.`,
  signupConsentConnectExplicit: (o) =>
    `I give my explicit consent to ${o} using my name, email address, area and the causes I care about, which may reveal my political opinions or beliefs, to put me in touch with people and groups near me who care about the same things.`,
  signupConsentShare: (o) =>
    `I agree to ${o} sharing my name and email address with local groups near me, so they can invite me to what they do.`,
  signupConsentShareExplicit: (o) =>
    `I give my explicit consent to ${o} sharing my name, email address and the causes I care about with local groups near me, so they can invite me to what they do.`,
  signupConsentNews: (o) => `I would like ${o} to send me occasional news by email.`,
  signupOrganisersDefault: 'the organisers of this site',
  signupPrivacy: 'How your information is used',
  signupTrap: 'Leave this field empty',
  signupSubmit: 'Sign up',
  signupSubmitAgain: 'Send again',
  signupSubmitNow: 'Send now',
  signupSending: 'Sending your sign-up…',
  signupQueued:
    'You seem to be offline. Your sign-up is saved on this device and will be sent when you are back online with this page open.',
  signupQueuedThisPage:
    'You seem to be offline. Your sign-up will be sent when you are back online, as long as this page stays open.',
  signupQueuedRetry:
    'The site’s data source could not be reached. Your sign-up is saved on this device for 24 hours and will be sent again by itself.',
  signupQueuedRetryThisPage:
    'The site’s data source could not be reached. Your sign-up will be sent again by itself, as long as this page stays open.',
  signupFailed: (reason) => `Your sign-up was not sent. ${reason} Your answers are still here.`,

  signupErrorSummary: 'There is a problem',
  signupErrorPrefix: 'Error:',
  signupErrorName: 'Enter your full name',
  signupErrorNameLong: (max) => `Full name must be ${max} characters or fewer`,
  signupErrorEmail: 'Enter your email address',
  signupErrorEmailFormat: 'Enter an email address in the correct format, like name@example.com',
  signupErrorEmailLong: (max) => `Email address must be ${max} characters or fewer`,
  signupErrorPlace: 'Enter a postcode or town, or use your location',
  signupErrorPlacePostcode: 'Enter your postcode, or use your location',
  signupErrorPlaceTown: 'Enter your town or city, or use your location',
  signupErrorPlaceLong: (max) => `The place must be ${max} characters or fewer`,
  signupErrorPlaceUnknown: (p) => `We could not find “${p}”. Check the spelling, or enter a nearby town or postcode`,
  signupErrorPlaceChoose: (p) => `Choose which “${p}” you mean`,
  signupPlaceChoose: (p) => `Which “${p}” do you mean?`,
  signupPlaceChooseHint: 'Choose one, or change what you typed.',
  signupErrorInterests: 'Select at least one cause you care about',
  signupErrorMessageLong: (max) => `Your message must be ${max} characters or fewer`,
  signupErrorConsent: 'To sign up, tick the box to agree to your details being used to put you in touch',
  signupErrorInvalid: 'Check this answer',

  signupResults: 'You have signed up',
  signupNearby: (n, f, r) =>
    n === 0
      ? `Nobody within ${r} has signed up yet. You are the first.`
      : plural('en', n, {
          one: `${f} person within ${r} has signed up.`,
          other: `${f} people within ${r} have signed up.`,
        }),
  signupShared: 'Who shares your interests',
  signupSharedCount: (n, f, i) => plural('en', n, { one: `${i}: ${f} person`, other: `${i}: ${f} people` }),
  signupNearbyFewer: (f, r) =>
    `Fewer than ${f} people within ${r} have signed up so far. We do not say how many, so that nobody can be singled out.`,
  signupSharedFewer: (f, i) => `${i}: fewer than ${f} people`,
  signupInitiatives: 'Initiatives near you',
  signupNoInitiatives: (r) => `No initiatives within ${r} match your interests yet.`,
  signupNext: 'What happens next',
  signupNextText:
    'People and groups near you who share your interests can now find you, only in the ways you agreed to. If you agreed, a local group may invite you by email.',
  signupReceipt: 'What you agreed to',
  signupReceiptGiven: (version, when) => `(version ${version}, recorded ${when})`,
};

export const es: FindTheOthersStrings = {
  signupOptional: '(opcional)',
  signupName: 'Nombre completo',
  signupEmail: 'Correo electrónico',
  signupEmailHint: 'Solo lo usamos para poneros en contacto, según lo que aceptes abajo.',
  signupPlace: 'Código postal o localidad',
  signupPlacePostcode: 'Código postal',
  signupPlaceTown: 'Localidad',
  signupPlaceHint: 'Para encontrar gente cerca de ti. Guardamos una zona, nunca tu dirección.',
  signupLocate: 'Usar mi ubicación',
  signupLocating: 'Buscando tu ubicación…',
  signupLocated: 'Usando tu ubicación, redondeada a una zona de 1 km aproximadamente.',
  signupLocatedExact: 'Usando tu ubicación exacta.',
  signupLocateExact: 'Compartir mi ubicación exacta en lugar de una zona',
  signupLocateClear: 'Escribir un lugar',
  signupLocateDenied:
    'Esta página no tiene permiso para usar tu ubicación. Escribe un código postal o una localidad, o permite la ubicación en la configuración del navegador.',
  signupLocateUnavailable: 'No se ha podido encontrar tu ubicación. Escribe un código postal o una localidad.',
  signupRadius: 'A qué distancia de ti',
  signupRadiusHint: 'Buscamos personas e iniciativas dentro de esta distancia.',
  signupRadiusOption: (d) => `A menos de ${d}`,
  signupInterests: '¿Qué te importa?',
  signupInterestsHint: 'Selecciona todas las que correspondan.',
  signupInterestsLoading: 'Cargando la lista de causas…',
  signupInterestsFailed: 'No se ha podido cargar la lista de causas.',
  signupMessage: '¿Algo que quieras contar a los grupos locales?',
  signupMessageHint: 'No incluyas datos personales como tu dirección o tu teléfono.',
  signupConsent: 'Tu consentimiento',
  signupConsentHint: 'Marca solo lo que aceptes.',
  signupWithdraw: (o) => `Puedes retirar tu consentimiento en cualquier momento poniéndote en contacto con ${o}.`,
  signupConsentConnect: (o) =>
    `Acepto que ${o} use mi nombre, mi correo electrónico, mi zona y mis intereses para ponerme en contacto con personas y grupos cercanos a los que les importan las mismas cosas.`,
  signupConsentConnectExplicit: (o) =>
    `Doy mi consentimiento explícito para que ${o} use mi nombre, mi correo electrónico, mi zona y las causas que me importan, que pueden revelar mis opiniones políticas o creencias, para ponerme en contacto con personas y grupos cercanos a los que les importan las mismas cosas.`,
  signupConsentShare: (o) =>
    `Acepto que ${o} comparta mi nombre y mi correo electrónico con grupos locales cercanos, para que me inviten a lo que hacen.`,
  signupConsentShareExplicit: (o) =>
    `Doy mi consentimiento explícito para que ${o} comparta mi nombre, mi correo electrónico y las causas que me importan con grupos locales cercanos, para que me inviten a lo que hacen.`,
  signupConsentNews: (o) => `Quiero que ${o} me envíe noticias de vez en cuando por correo electrónico.`,
  signupOrganisersDefault: 'quienes organizan este sitio',
  signupPrivacy: 'Cómo se usa tu información',
  signupTrap: 'Deja este campo vacío',
  signupSubmit: 'Apuntarme',
  signupSubmitAgain: 'Enviar de nuevo',
  signupSubmitNow: 'Enviar ahora',
  signupSending: 'Enviando tu inscripción…',
  signupQueued:
    'Parece que no tienes conexión. Tu inscripción se ha guardado en este dispositivo y se enviará cuando vuelvas a tener conexión con esta página abierta.',
  signupQueuedThisPage:
    'Parece que no tienes conexión. Tu inscripción se enviará cuando vuelvas a tener conexión, siempre que esta página siga abierta.',
  signupQueuedRetry:
    'No se pudo contactar con la fuente de datos del sitio. Tu inscripción está guardada en este dispositivo durante 24 horas y se enviará de nuevo automáticamente.',
  signupQueuedRetryThisPage:
    'No se pudo contactar con la fuente de datos del sitio. Tu inscripción se enviará de nuevo automáticamente mientras esta página siga abierta.',
  signupFailed: (reason) => `Tu inscripción no se ha enviado. ${reason} Tus respuestas siguen aquí.`,

  signupErrorSummary: 'Hay un problema',
  signupErrorPrefix: 'Error:',
  signupErrorName: 'Escribe tu nombre completo',
  signupErrorNameLong: (max) => `El nombre completo debe tener ${max} caracteres como máximo`,
  signupErrorEmail: 'Escribe tu correo electrónico',
  signupErrorEmailFormat: 'Escribe un correo electrónico con el formato correcto, como nombre@ejemplo.com',
  signupErrorEmailLong: (max) => `El correo electrónico debe tener ${max} caracteres como máximo`,
  signupErrorPlace: 'Escribe un código postal o una localidad, o usa tu ubicación',
  signupErrorPlacePostcode: 'Escribe tu código postal, o usa tu ubicación',
  signupErrorPlaceTown: 'Escribe tu localidad, o usa tu ubicación',
  signupErrorPlaceLong: (max) => `El lugar debe tener ${max} caracteres como máximo`,
  signupErrorPlaceUnknown: (p) =>
    `No encontramos «${p}». Revisa cómo lo escribiste o escribe una localidad o un código postal cercano`,
  signupErrorPlaceChoose: (p) => `Elige a qué «${p}» te refieres`,
  signupPlaceChoose: (p) => `¿A qué «${p}» te refieres?`,
  signupPlaceChooseHint: 'Elige uno o cambia lo que escribiste.',
  signupErrorInterests: 'Selecciona al menos una causa que te importe',
  signupErrorMessageLong: (max) => `Tu mensaje debe tener ${max} caracteres como máximo`,
  signupErrorConsent: 'Para apuntarte, marca la casilla para aceptar que se usen tus datos para ponerte en contacto',
  signupErrorInvalid: 'Revisa esta respuesta',

  signupResults: 'Te has apuntado',
  signupNearby: (n, f, r) =>
    n === 0
      ? `Todavía no se ha apuntado nadie a menos de ${r}. Eres la primera persona.`
      : plural('es', n, {
          one: `${f} persona a menos de ${r} se ha apuntado.`,
          other: `${f} personas a menos de ${r} se han apuntado.`,
        }),
  signupShared: 'Quién comparte tus intereses',
  signupSharedCount: (n, f, i) => plural('es', n, { one: `${i}: ${f} persona`, other: `${i}: ${f} personas` }),
  signupNearbyFewer: (f, r) =>
    `Menos de ${f} personas a menos de ${r} se han inscrito hasta ahora. No decimos cuántas, para que nadie pueda ser identificado.`,
  signupSharedFewer: (f, i) => `${i}: menos de ${f} personas`,
  signupInitiatives: 'Iniciativas cerca de ti',
  signupNoInitiatives: (r) => `Todavía no hay iniciativas a menos de ${r} que coincidan con tus intereses.`,
  signupNext: 'Qué pasa ahora',
  signupNextText:
    'Las personas y los grupos cercanos que comparten tus intereses ya pueden encontrarte, solo de las formas que has aceptado. Si lo has aceptado, un grupo local puede invitarte por correo electrónico.',
  signupReceipt: 'Lo que has aceptado',
  signupReceiptGiven: (version, when) => `(versión ${version}, registrado el ${when})`,
};

export const de: FindTheOthersStrings = {
  signupOptional: '(optional)',
  signupName: 'Vollständiger Name',
  signupEmail: 'E-Mail-Adresse',
  signupEmailHint: 'Wir nutzen sie nur, um euch in Kontakt zu bringen, so wie du unten zustimmst.',
  signupPlace: 'Postleitzahl oder Ort',
  signupPlacePostcode: 'Postleitzahl',
  signupPlaceTown: 'Ort',
  signupPlaceHint: 'Um Menschen in deiner Nähe zu finden. Wir speichern eine Gegend, nie deine Adresse.',
  signupLocate: 'Meinen Standort verwenden',
  signupLocating: 'Dein Standort wird ermittelt…',
  signupLocated: 'Dein Standort wird verwendet, gerundet auf eine Gegend von etwa 1 km.',
  signupLocatedExact: 'Dein genauer Standort wird verwendet.',
  signupLocateExact: 'Meinen genauen Standort statt einer Gegend teilen',
  signupLocateClear: 'Stattdessen einen Ort eingeben',
  signupLocateDenied:
    'Diese Seite darf deinen Standort nicht verwenden. Gib stattdessen eine Postleitzahl oder einen Ort ein, oder erlaube den Standort in den Einstellungen deines Browsers.',
  signupLocateUnavailable:
    'Dein Standort konnte nicht ermittelt werden. Gib stattdessen eine Postleitzahl oder einen Ort ein.',
  signupRadius: 'Wie weit von dir entfernt',
  signupRadiusHint: 'Wir suchen Menschen und Initiativen in dieser Entfernung.',
  signupRadiusOption: (d) => `Im Umkreis von ${d}`,
  signupInterests: 'Was liegt dir am Herzen?',
  signupInterestsHint: 'Wähle alles Zutreffende aus.',
  signupInterestsLoading: 'Die Liste der Anliegen wird geladen…',
  signupInterestsFailed: 'Die Liste der Anliegen konnte nicht geladen werden.',
  signupMessage: 'Möchtest du den Gruppen vor Ort etwas mitteilen?',
  signupMessageHint: 'Gib keine persönlichen Daten wie deine Adresse oder Telefonnummer an.',
  signupConsent: 'Deine Einwilligung',
  signupConsentHint: 'Kreuze nur an, womit du einverstanden bist.',
  signupWithdraw: (o) => `Du kannst deine Einwilligung jederzeit widerrufen, indem du dich an ${o} wendest.`,
  signupConsentConnect: (o) =>
    `Ich bin einverstanden, dass ${o} meinen Namen, meine E-Mail-Adresse, meine Gegend und meine Interessen nutzt, um mich mit Menschen und Gruppen in meiner Nähe in Kontakt zu bringen, denen dieselben Dinge wichtig sind.`,
  signupConsentConnectExplicit: (o) =>
    `Ich willige ausdrücklich ein, dass ${o} meinen Namen, meine E-Mail-Adresse, meine Gegend und die Anliegen, die mir wichtig sind und die meine politischen Meinungen oder Überzeugungen erkennen lassen können, nutzt, um mich mit Menschen und Gruppen in meiner Nähe in Kontakt zu bringen, denen dieselben Dinge wichtig sind.`,
  signupConsentShare: (o) =>
    `Ich bin einverstanden, dass ${o} meinen Namen und meine E-Mail-Adresse an Gruppen in meiner Nähe weitergibt, damit sie mich zu ihren Aktivitäten einladen können.`,
  signupConsentShareExplicit: (o) =>
    `Ich willige ausdrücklich ein, dass ${o} meinen Namen, meine E-Mail-Adresse und die Anliegen, die mir wichtig sind, an Gruppen in meiner Nähe weitergibt, damit sie mich zu ihren Aktivitäten einladen können.`,
  signupConsentNews: (o) => `Ich möchte, dass ${o} mir gelegentlich Neuigkeiten per E-Mail schickt.`,
  signupOrganisersDefault: 'die Betreiber dieser Website',
  signupPrivacy: 'Wie deine Daten verwendet werden',
  signupTrap: 'Dieses Feld bitte leer lassen',
  signupSubmit: 'Anmelden',
  signupSubmitAgain: 'Erneut senden',
  signupSubmitNow: 'Jetzt senden',
  signupSending: 'Deine Anmeldung wird gesendet…',
  signupQueued:
    'Du scheinst offline zu sein. Deine Anmeldung ist auf diesem Gerät gespeichert und wird gesendet, sobald du wieder online bist und diese Seite geöffnet ist.',
  signupQueuedThisPage:
    'Du scheinst offline zu sein. Deine Anmeldung wird gesendet, sobald du wieder online bist, solange diese Seite geöffnet bleibt.',
  signupQueuedRetry:
    'Die Datenquelle der Website war nicht erreichbar. Deine Anmeldung ist 24 Stunden auf diesem Gerät gespeichert und wird automatisch erneut gesendet.',
  signupQueuedRetryThisPage:
    'Die Datenquelle der Website war nicht erreichbar. Deine Anmeldung wird automatisch erneut gesendet, solange diese Seite geöffnet bleibt.',
  signupFailed: (reason) => `Deine Anmeldung wurde nicht gesendet. ${reason} Deine Angaben sind noch da.`,

  signupErrorSummary: 'Es gibt ein Problem',
  signupErrorPrefix: 'Fehler:',
  signupErrorName: 'Gib deinen vollständigen Namen ein',
  signupErrorNameLong: (max) => `Der Name darf höchstens ${max} Zeichen lang sein`,
  signupErrorEmail: 'Gib deine E-Mail-Adresse ein',
  signupErrorEmailFormat: 'Gib eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@beispiel.de',
  signupErrorEmailLong: (max) => `Die E-Mail-Adresse darf höchstens ${max} Zeichen lang sein`,
  signupErrorPlace: 'Gib eine Postleitzahl oder einen Ort ein, oder verwende deinen Standort',
  signupErrorPlacePostcode: 'Gib deine Postleitzahl ein, oder verwende deinen Standort',
  signupErrorPlaceTown: 'Gib deinen Ort ein, oder verwende deinen Standort',
  signupErrorPlaceLong: (max) => `Der Ort darf höchstens ${max} Zeichen lang sein`,
  signupErrorPlaceUnknown: (p) =>
    `Wir haben „${p}“ nicht gefunden. Prüfe die Schreibweise oder gib einen Ort oder eine Postleitzahl in der Nähe ein`,
  signupErrorPlaceChoose: (p) => `Wähle, welches „${p}“ du meinst`,
  signupPlaceChoose: (p) => `Welches „${p}“ meinst du?`,
  signupPlaceChooseHint: 'Wähle einen Ort oder ändere deine Eingabe.',
  signupErrorInterests: 'Wähle mindestens ein Anliegen aus, das dir wichtig ist',
  signupErrorMessageLong: (max) => `Deine Nachricht darf höchstens ${max} Zeichen lang sein`,
  signupErrorConsent:
    'Um dich anzumelden, kreuze das Kästchen an, damit deine Angaben genutzt werden dürfen, um euch in Kontakt zu bringen',
  signupErrorInvalid: 'Prüfe diese Angabe',

  signupResults: 'Du bist angemeldet',
  signupNearby: (n, f, r) =>
    n === 0
      ? `Im Umkreis von ${r} hat sich noch niemand angemeldet. Du bist die erste Person.`
      : plural('de', n, {
          one: `${f} Person im Umkreis von ${r} hat sich angemeldet.`,
          other: `${f} Personen im Umkreis von ${r} haben sich angemeldet.`,
        }),
  signupShared: 'Wer deine Interessen teilt',
  signupSharedCount: (n, f, i) => plural('de', n, { one: `${i}: ${f} Person`, other: `${i}: ${f} Personen` }),
  signupNearbyFewer: (f, r) =>
    `Bisher haben sich weniger als ${f} Personen im Umkreis von ${r} angemeldet. Wie viele genau, sagen wir nicht, damit niemand erkannt werden kann.`,
  signupSharedFewer: (f, i) => `${i}: weniger als ${f} Personen`,
  signupInitiatives: 'Initiativen in deiner Nähe',
  signupNoInitiatives: (r) => `Im Umkreis von ${r} passt noch keine Initiative zu deinen Interessen.`,
  signupNext: 'Wie es weitergeht',
  signupNextText:
    'Menschen und Gruppen in deiner Nähe, die deine Interessen teilen, können dich jetzt finden, nur auf die Weise, der du zugestimmt hast. Wenn du zugestimmt hast, kann eine Gruppe vor Ort dich per E-Mail einladen.',
  signupReceipt: 'Dem hast du zugestimmt',
  signupReceiptGiven: (version, when) => `(Version ${version}, gespeichert am ${when})`,
};

export const fr: FindTheOthersStrings = {
  signupOptional: '(facultatif)',
  signupName: 'Nom complet',
  signupEmail: 'Adresse e-mail',
  signupEmailHint: 'Nous l’utilisons uniquement pour vous mettre en relation, selon ce que vous acceptez ci-dessous.',
  signupPlace: 'Code postal ou ville',
  signupPlacePostcode: 'Code postal',
  signupPlaceTown: 'Ville',
  signupPlaceHint: 'Pour trouver des personnes près de chez vous. Nous gardons un secteur, jamais votre adresse.',
  signupLocate: 'Utiliser ma position',
  signupLocating: 'Recherche de votre position…',
  signupLocated: 'Votre position est utilisée, arrondie à un secteur d’environ 1 km.',
  signupLocatedExact: 'Votre position exacte est utilisée.',
  signupLocateExact: 'Partager ma position exacte plutôt qu’un secteur',
  signupLocateClear: 'Saisir un lieu à la place',
  signupLocateDenied:
    'Cette page n’a pas le droit d’utiliser votre position. Saisissez plutôt un code postal ou une ville, ou autorisez la position dans les réglages de votre navigateur.',
  signupLocateUnavailable: 'Votre position n’a pas pu être trouvée. Saisissez plutôt un code postal ou une ville.',
  signupRadius: 'À quelle distance de vous',
  signupRadiusHint: 'Nous cherchons des personnes et des initiatives dans ce rayon.',
  signupRadiusOption: (d) => `Dans un rayon de ${d}`,
  signupInterests: 'Qu’est-ce qui vous tient à cœur ?',
  signupInterestsHint: 'Sélectionnez toutes les réponses qui s’appliquent.',
  signupInterestsLoading: 'Chargement de la liste des causes…',
  signupInterestsFailed: 'La liste des causes n’a pas pu être chargée.',
  signupMessage: 'Quelque chose à dire aux groupes locaux ?',
  signupMessageHint: 'N’indiquez pas de données personnelles comme votre adresse ou votre numéro de téléphone.',
  signupConsent: 'Votre consentement',
  signupConsentHint: 'Cochez uniquement ce que vous acceptez.',
  signupWithdraw: (o) => `Vous pouvez retirer votre consentement à tout moment en contactant ${o}.`,
  signupConsentConnect: (o) =>
    `J’accepte que ${o} utilise mon nom, mon adresse e-mail, mon secteur et mes centres d’intérêt pour me mettre en relation avec des personnes et des groupes proches de chez moi qui tiennent aux mêmes choses.`,
  signupConsentConnectExplicit: (o) =>
    `Je donne mon consentement explicite pour que ${o} utilise mon nom, mon adresse e-mail, mon secteur et les causes qui me tiennent à cœur, qui peuvent révéler mes opinions politiques ou mes convictions, pour me mettre en relation avec des personnes et des groupes proches de chez moi qui tiennent aux mêmes choses.`,
  signupConsentShare: (o) =>
    `J’accepte que ${o} partage mon nom et mon adresse e-mail avec des groupes locaux proches de chez moi, pour qu’ils m’invitent à ce qu’ils font.`,
  signupConsentShareExplicit: (o) =>
    `Je donne mon consentement explicite pour que ${o} partage mon nom, mon adresse e-mail et les causes qui me tiennent à cœur avec des groupes locaux proches de chez moi, pour qu’ils m’invitent à ce qu’ils font.`,
  signupConsentNews: (o) => `Je souhaite que ${o} m’envoie de temps en temps des nouvelles par e-mail.`,
  signupOrganisersDefault: 'les responsables de ce site',
  signupPrivacy: 'Comment vos informations sont utilisées',
  signupTrap: 'Laissez ce champ vide',
  signupSubmit: 'M’inscrire',
  signupSubmitAgain: 'Envoyer à nouveau',
  signupSubmitNow: 'Envoyer maintenant',
  signupSending: 'Envoi de votre inscription…',
  signupQueued:
    'Vous semblez hors ligne. Votre inscription est enregistrée sur cet appareil et sera envoyée quand vous serez de nouveau en ligne avec cette page ouverte.',
  signupQueuedThisPage:
    'Vous semblez hors ligne. Votre inscription sera envoyée quand vous serez de nouveau en ligne, tant que cette page reste ouverte.',
  signupQueuedRetry:
    'La source de données du site n’a pas pu être jointe. Votre inscription est enregistrée sur cet appareil pendant 24 heures et sera renvoyée automatiquement.',
  signupQueuedRetryThisPage:
    'La source de données du site n’a pas pu être jointe. Votre inscription sera renvoyée automatiquement tant que cette page reste ouverte.',
  signupFailed: (reason) => `Votre inscription n’a pas été envoyée. ${reason} Vos réponses sont toujours là.`,

  signupErrorSummary: 'Il y a un problème',
  signupErrorPrefix: 'Erreur :',
  signupErrorName: 'Saisissez votre nom complet',
  signupErrorNameLong: (max) => `Le nom complet doit comporter ${max} caractères au maximum`,
  signupErrorEmail: 'Saisissez votre adresse e-mail',
  signupErrorEmailFormat: 'Saisissez une adresse e-mail au bon format, par exemple nom@exemple.fr',
  signupErrorEmailLong: (max) => `L’adresse e-mail doit comporter ${max} caractères au maximum`,
  signupErrorPlace: 'Saisissez un code postal ou une ville, ou utilisez votre position',
  signupErrorPlacePostcode: 'Saisissez votre code postal, ou utilisez votre position',
  signupErrorPlaceTown: 'Saisissez votre ville, ou utilisez votre position',
  signupErrorPlaceLong: (max) => `Le lieu doit comporter ${max} caractères au maximum`,
  signupErrorPlaceUnknown: (p) =>
    `Nous n’avons pas trouvé « ${p} ». Vérifiez l’orthographe, ou saisissez une ville ou un code postal proche`,
  signupErrorPlaceChoose: (p) => `Choisissez de quel « ${p} » il s’agit`,
  signupPlaceChoose: (p) => `De quel « ${p} » s’agit-il ?`,
  signupPlaceChooseHint: 'Choisissez-en un, ou modifiez ce que vous avez saisi.',
  signupErrorInterests: 'Sélectionnez au moins une cause qui vous tient à cœur',
  signupErrorMessageLong: (max) => `Votre message doit comporter ${max} caractères au maximum`,
  signupErrorConsent:
    'Pour vous inscrire, cochez la case pour accepter que vos informations servent à vous mettre en relation',
  signupErrorInvalid: 'Vérifiez cette réponse',

  signupResults: 'Vous êtes inscrit·e',
  signupNearby: (n, f, r) =>
    n === 0
      ? `Personne ne s’est encore inscrit dans un rayon de ${r}. Vous êtes la première personne.`
      : plural('fr', n, {
          one: `${f} personne s’est inscrite dans un rayon de ${r}.`,
          other: `${f} personnes se sont inscrites dans un rayon de ${r}.`,
        }),
  signupShared: 'Qui partage vos centres d’intérêt',
  signupSharedCount: (n, f, i) => plural('fr', n, { one: `${i} : ${f} personne`, other: `${i} : ${f} personnes` }),
  signupNearbyFewer: (f, r) =>
    `Moins de ${f} personnes dans un rayon de ${r} se sont inscrites pour l’instant. Nous ne disons pas combien, pour que personne ne puisse être reconnu.`,
  signupSharedFewer: (f, i) => `${i} : moins de ${f} personnes`,
  signupInitiatives: 'Initiatives près de chez vous',
  signupNoInitiatives: (r) => `Aucune initiative dans un rayon de ${r} ne correspond encore à vos centres d’intérêt.`,
  signupNext: 'Et maintenant',
  signupNextText:
    'Les personnes et les groupes proches de chez vous qui partagent vos centres d’intérêt peuvent maintenant vous trouver, uniquement de la manière que vous avez acceptée. Si vous l’avez accepté, un groupe local pourra vous inviter par e-mail.',
  signupReceipt: 'Ce que vous avez accepté',
  signupReceiptGiven: (version, when) => `(version ${version}, enregistré le ${when})`,
};

export const ar: FindTheOthersStrings = {
  signupOptional: '(اختياري)',
  signupName: 'الاسم الكامل',
  signupEmail: 'البريد الإلكتروني',
  signupEmailHint: 'نستخدمه فقط لنضعك على تواصل، وفق ما توافق عليه أدناه.',
  signupPlace: 'الرمز البريدي أو المدينة',
  signupPlacePostcode: 'الرمز البريدي',
  signupPlaceTown: 'المدينة أو البلدة',
  signupPlaceHint: 'لنجد أشخاصًا قريبين منك. نحتفظ بمنطقة، وليس بعنوانك أبدًا.',
  signupLocate: 'استخدام موقعي',
  signupLocating: 'جارٍ تحديد موقعك…',
  signupLocated: 'نستخدم موقعك مقرّبًا إلى منطقة عرضها نحو كيلومتر واحد.',
  signupLocatedExact: 'نستخدم موقعك الدقيق.',
  signupLocateExact: 'مشاركة موقعي الدقيق بدلًا من منطقة',
  signupLocateClear: 'كتابة مكان بدلًا من ذلك',
  signupLocateDenied:
    'لا يُسمح لهذه الصفحة باستخدام موقعك. اكتب رمزًا بريديًا أو مدينة بدلًا من ذلك، أو اسمح بالموقع في إعدادات المتصفح.',
  signupLocateUnavailable: 'تعذّر تحديد موقعك. اكتب رمزًا بريديًا أو مدينة بدلًا من ذلك.',
  signupRadius: 'إلى أي مسافة منك',
  signupRadiusHint: 'نبحث عن أشخاص ومبادرات ضمن هذه المسافة.',
  signupRadiusOption: (d) => `ضمن ${d}`,
  signupInterests: 'ما القضايا التي تهمك؟',
  signupInterestsHint: 'اختر كل ما ينطبق.',
  signupInterestsLoading: 'جارٍ تحميل قائمة القضايا…',
  signupInterestsFailed: 'تعذّر تحميل قائمة القضايا.',
  signupMessage: 'هل تودّ إخبار المجموعات المحلية بشيء؟',
  signupMessageHint: 'لا تكتب بيانات شخصية مثل عنوانك أو رقم هاتفك.',
  signupConsent: 'موافقتك',
  signupConsentHint: 'ضع علامة على ما توافق عليه فقط.',
  signupWithdraw: (o) => `يمكنك سحب موافقتك في أي وقت بالتواصل مع ${o}.`,
  signupConsentConnect: (o) =>
    `أوافق على أن يستخدم ${o} اسمي وبريدي الإلكتروني ومنطقتي واهتماماتي ليضعوني على تواصل مع أشخاص ومجموعات قريبة مني تهمّها الأمور نفسها.`,
  signupConsentConnectExplicit: (o) =>
    `أمنح موافقتي الصريحة على أن يستخدم ${o} اسمي وبريدي الإلكتروني ومنطقتي والقضايا التي تهمني، والتي قد تكشف آرائي السياسية أو معتقداتي، ليضعوني على تواصل مع أشخاص ومجموعات قريبة مني تهمّها الأمور نفسها.`,
  signupConsentShare: (o) =>
    `أوافق على أن يشارك ${o} اسمي وبريدي الإلكتروني مع مجموعات محلية قريبة مني، لتدعوني إلى أنشطتها.`,
  signupConsentShareExplicit: (o) =>
    `أمنح موافقتي الصريحة على أن يشارك ${o} اسمي وبريدي الإلكتروني والقضايا التي تهمني مع مجموعات محلية قريبة مني، لتدعوني إلى أنشطتها.`,
  signupConsentNews: (o) => `أرغب في أن يرسل لي ${o} أخبارًا من حين لآخر عبر البريد الإلكتروني.`,
  signupOrganisersDefault: 'فريق هذا الموقع',
  signupPrivacy: 'كيف تُستخدم معلوماتك',
  signupTrap: 'اترك هذا الحقل فارغًا',
  signupSubmit: 'تسجيل',
  signupSubmitAgain: 'الإرسال مرة أخرى',
  signupSubmitNow: 'الإرسال الآن',
  signupSending: 'جارٍ إرسال تسجيلك…',
  signupQueued:
    'يبدو أنك غير متصل بالإنترنت. حُفظ تسجيلك على هذا الجهاز وسيُرسل عندما تعود إلى الاتصال وهذه الصفحة مفتوحة.',
  signupQueuedThisPage: 'يبدو أنك غير متصل بالإنترنت. سيُرسل تسجيلك عندما تعود إلى الاتصال، ما دامت هذه الصفحة مفتوحة.',
  signupQueuedRetry:
    'تعذّر الوصول إلى مصدر بيانات الموقع. تسجيلك محفوظ على هذا الجهاز مدة 24 ساعة وسيُعاد إرساله تلقائيًا.',
  signupQueuedRetryThisPage:
    'تعذّر الوصول إلى مصدر بيانات الموقع. سيُعاد إرسال تسجيلك تلقائيًا ما دامت هذه الصفحة مفتوحة.',
  signupFailed: (reason) => `لم يُرسل تسجيلك. ${reason} إجاباتك ما زالت هنا.`,

  signupErrorSummary: 'هناك مشكلة',
  signupErrorPrefix: 'خطأ:',
  signupErrorName: 'اكتب اسمك الكامل',
  signupErrorNameLong: (max) => `يجب ألا يزيد الاسم الكامل على ${max} حرفًا`,
  signupErrorEmail: 'اكتب بريدك الإلكتروني',
  signupErrorEmailFormat: 'اكتب بريدًا إلكترونيًا بالصيغة الصحيحة، مثل name@example.com',
  signupErrorEmailLong: (max) => `يجب ألا يزيد البريد الإلكتروني على ${max} حرفًا`,
  signupErrorPlace: 'اكتب رمزًا بريديًا أو مدينة، أو استخدم موقعك',
  signupErrorPlacePostcode: 'اكتب رمزك البريدي، أو استخدم موقعك',
  signupErrorPlaceTown: 'اكتب مدينتك أو بلدتك، أو استخدم موقعك',
  signupErrorPlaceLong: (max) => `يجب ألا يزيد المكان على ${max} حرفًا`,
  signupErrorPlaceUnknown: (p) => `لم نجد «${p}». تحقّق من الكتابة، أو اكتب مدينة أو رمزًا بريديًا قريبًا`,
  signupErrorPlaceChoose: (p) => `اختر أيّ «${p}» تقصد`,
  signupPlaceChoose: (p) => `أيّ «${p}» تقصد؟`,
  signupPlaceChooseHint: 'اختر واحدًا، أو غيّر ما كتبته.',
  signupErrorInterests: 'اختر قضية واحدة على الأقل تهمك',
  signupErrorMessageLong: (max) => `يجب ألا تزيد رسالتك على ${max} حرفًا`,
  signupErrorConsent: 'للتسجيل، ضع علامة في المربع لتوافق على استخدام بياناتك لوضعك على تواصل',
  signupErrorInvalid: 'تحقق من هذه الإجابة',

  signupResults: 'لقد سجّلت',
  signupNearby: (n, f, r) =>
    n === 0
      ? `لم يسجّل أحد ضمن ${r} بعد. أنت الأول.`
      : plural('ar', n, {
          one: `سجّل شخص واحد ضمن ${r}.`,
          two: `سجّل شخصان ضمن ${r}.`,
          few: `سجّل ${f} أشخاص ضمن ${r}.`,
          many: `سجّل ${f} شخصًا ضمن ${r}.`,
          other: `سجّل ${f} شخص ضمن ${r}.`,
        }),
  signupShared: 'من يشاركك اهتماماتك',
  signupSharedCount: (n, f, i) =>
    plural('ar', n, {
      zero: `${i}: لا أحد`,
      one: `${i}: شخص واحد`,
      two: `${i}: شخصان`,
      few: `${i}: ${f} أشخاص`,
      many: `${i}: ${f} شخصًا`,
      other: `${i}: ${f} شخص`,
    }),
  signupNearbyFewer: (f, r) =>
    `سجّل أقل من ${f} أشخاص ضمن ${r} حتى الآن. لا نذكر العدد بالضبط حتى لا يمكن التعرّف على أحد.`,
  signupSharedFewer: (f, i) => `${i}: أقل من ${f} أشخاص`,
  signupInitiatives: 'مبادرات قريبة منك',
  signupNoInitiatives: (r) => `لا توجد بعد مبادرات ضمن ${r} تطابق اهتماماتك.`,
  signupNext: 'ماذا بعد',
  signupNextText:
    'يمكن الآن للأشخاص والمجموعات القريبة منك الذين يشاركونك اهتماماتك أن يجدوك، فقط بالطرق التي وافقت عليها. إن وافقت، قد تدعوك مجموعة محلية عبر البريد الإلكتروني.',
  signupReceipt: 'ما وافقت عليه',
  signupReceiptGiven: (version, when) => `(الإصدار ${version}، سُجّل في ${when})`,
};

export const findTheOthersStrings = { en, es, de, fr, ar } satisfies Record<Language, FindTheOthersStrings>;
