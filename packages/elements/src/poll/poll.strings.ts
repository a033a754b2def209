/**
 * Every string `<civic-poll>` shows, in every shipped language. Counts arrive as the raw number (for
 * the plural form, chosen with `Intl.PluralRules`) beside the same number formatted for the locale.
 * Keys start with `poll` because every element's strings merge into one table per language.
 */
import type { Language } from '../translations/languages.js';

export interface PollStrings {
  pollNotFound: string;
  pollOpenUntil: (date: string) => string;
  pollClosedOn: (date: string) => string;
  pollClosed: string;
  pollOpensOn: (date: string) => string;
  pollNotOpenYet: string;

  pollHintSingle: string;
  pollHintMultiple: (max: number, formatted: string) => string;
  pollHintMultipleAny: string;
  pollHintRanked: string;
  pollHintRankedMax: (max: number, formatted: string) => string;
  pollTooMany: (chosen: number, chosenFormatted: string, max: number, maxFormatted: string) => string;
  pollErrorSummary: string;
  pollErrorPrefix: string;
  pollErrorChoose: string;
  pollErrorRank: string;

  pollVote: string;
  pollVoteChange: string;
  pollVoteRetry: string;
  pollChangeVote: string;
  pollKeepVote: string;
  pollSending: string;
  pollCounted: string;
  pollChanged: string;
  pollFailed: (reason: string) => string;
  pollConflict: string;
  pollClosedNow: string;
  pollInvalidBallot: string;
  pollQueued: string;
  pollQueuedThisPage: string;
  /** Queued because the data source could not be reached (the browser is online): sent again by itself. */
  pollQueuedRetry: string;
  pollQueuedRetryThisPage: string;
  pollSendNow: string;
  pollQueuedDelivered: string;
  pollQueuedFailed: (reason: string) => string;
  pollCannotVote: string;
  pollCannotChange: string;
  pollYourVote: (choices: string) => string;
  pollYourRanking: (choices: string) => string;

  pollRanking: string;
  pollNotRanked: string;
  pollRankingEmpty: string;
  pollAllRanked: string;
  pollMoveUp: (label: string) => string;
  pollMoveDown: (label: string) => string;
  pollRemove: (label: string) => string;
  pollAdd: (label: string) => string;
  pollMoved: (label: string, position: string, total: string) => string;
  pollAdded: (label: string, position: string, total: string) => string;
  pollRemoved: (label: string) => string;
  pollAlreadyFirst: (label: string) => string;
  pollAlreadyLast: (label: string) => string;

  pollOptions: string;
  pollResults: string;
  pollResultsSoFar: string;
  pollVotes: (count: number, formatted: string, percent: string) => string;
  pollVoters: (count: number, formatted: string) => string;
  pollYourChoice: string;
  pollYourRank: (position: string) => string;
  pollMultipleNote: string;
  pollResultsAfterVote: string;
  pollResultsAfterClose: string;
  pollResultsAfterCloseOn: (date: string) => string;
  pollResultsUnavailable: string;
  pollLiveUpdate: (voters: string) => string;
  pollLiveClosed: string;

  pollFirstChoices: string;
  pollRoundsUnavailable: string;
  pollRounds: string;
  pollRound: (round: string, total: string) => string;
  pollRoundsExplain: string;
  pollWinner: (label: string, round: string, votes: string, continuing: string, percent: string) => string;
  pollLeading: (label: string, round: string, votes: string, continuing: string, percent: string) => string;
  pollTie: (labels: string) => string;
  pollNoVotes: string;
  pollEliminated: (labels: string, count: number) => string;
  pollTieEarlier: string;
  pollTieOrder: string;
  pollExhausted: (count: number, formatted: string) => string;
  pollWinnerMark: string;
  pollLeadingMark: string;
  pollLeavesMark: string;
  pollRoundPercentNote: string;
}

export const en: PollStrings = {
  pollNotFound: 'This poll could not be found. It may have been removed.',
  pollOpenUntil: (d) => `Open until ${d}`,
  pollClosedOn: (d) => `This poll closed on ${d}.`,
  pollClosed: 'This poll is closed.',
  pollOpensOn: (d) => `Voting opens on ${d}.`,
  pollNotOpenYet: 'Voting has not opened yet.',

  pollHintSingle: 'Choose one option.',
  pollHintMultiple: (n, f) => (n === 1 ? 'Choose at most one option.' : `Choose up to ${f} options.`),
  pollHintMultipleAny: 'Choose as many options as you like.',
  pollHintRanked:
    'Add the options you support to your ranking, your favourite first. You do not have to rank them all.',
  pollHintRankedMax: (n, f) =>
    n === 1 ? 'Add your favourite option to your ranking.' : `Rank up to ${f} options, your favourite first.`,
  pollTooMany: (_c, cf, _m, mf) => `You have chosen ${cf} options. Choose no more than ${mf}.`,
  pollErrorSummary: 'There is a problem',
  pollErrorPrefix: 'Error:',
  pollErrorChoose: 'Choose an option.',
  pollErrorRank: 'Add at least one option to your ranking.',

  pollVote: 'Vote',
  pollVoteChange: 'Save my new vote',
  pollVoteRetry: 'Send my vote again',
  pollChangeVote: 'Change my vote',
  pollKeepVote: 'Keep my vote',
  pollSending: 'Sending your vote…',
  pollCounted: 'Thank you. Your vote has been counted.',
  pollChanged: 'Thank you. Your vote has been changed.',
  pollFailed: (r) => `Your vote was not counted. ${r}`,
  pollConflict: 'You had already voted in this poll, so this vote was not counted. Your earlier vote stands.',
  pollClosedNow: 'This poll has closed, so your vote was not counted.',
  pollInvalidBallot: 'The data source did not accept this ballot. Check your choices and vote again.',
  pollQueued: 'You seem to be offline. Your vote is saved on this device and will be sent when you are back online.',
  pollQueuedThisPage:
    'You seem to be offline. Your vote will be sent when the connection returns, as long as this page stays open.',
  pollQueuedRetry:
    'The site’s data source could not be reached. Your vote is saved on this device and will be sent again by itself.',
  pollQueuedRetryThisPage:
    'The site’s data source could not be reached. Your vote will be sent again by itself, as long as this page stays open.',
  pollSendNow: 'Try sending it now',
  pollQueuedDelivered: 'Your saved vote has been sent and counted.',
  pollQueuedFailed: (r) => `Your saved vote could not be counted. ${r}`,
  pollCannotVote: 'Votes cannot be cast here: this site’s data source does not take them.',
  pollCannotChange: 'Votes in this poll cannot be changed.',
  pollYourVote: (c) => `Your vote: ${c}`,
  pollYourRanking: (c) => `Your ranking: ${c}`,

  pollRanking: 'Your ranking',
  pollNotRanked: 'Not ranked',
  pollRankingEmpty: 'Nothing ranked yet.',
  pollAllRanked: 'You have ranked every option.',
  pollMoveUp: (l) => `Move ${l} up`,
  pollMoveDown: (l) => `Move ${l} down`,
  pollRemove: (l) => `Remove ${l} from your ranking`,
  pollAdd: (l) => `Add ${l} to your ranking`,
  pollMoved: (l, p, t) => `${l} moved to position ${p} of ${t}.`,
  pollAdded: (l, p, t) => `${l} added to your ranking at position ${p} of ${t}.`,
  pollRemoved: (l) => `${l} removed from your ranking.`,
  pollAlreadyFirst: (l) => `${l} is already first.`,
  pollAlreadyLast: (l) => `${l} is already last.`,

  pollOptions: 'Options',
  pollResults: 'Results',
  pollResultsSoFar: 'Results so far',
  pollVotes: (n, f, p) => `${n === 1 ? '1 vote' : `${f} votes`} (${p})`,
  pollVoters: (n, f) =>
    n === 0 ? 'Nobody has voted yet.' : n === 1 ? '1 person has voted.' : `${f} people have voted.`,
  pollYourChoice: 'Your choice',
  pollYourRank: (p) => `Your rank: ${p}`,
  pollMultipleNote:
    'People could choose more than one option, so percentages are of people who voted and add up to more than 100%.',
  pollResultsAfterVote: 'Results will be shown once you have voted.',
  pollResultsAfterClose: 'Results will be shown when the poll closes.',
  pollResultsAfterCloseOn: (d) => `Results will be shown when the poll closes on ${d}.`,
  pollResultsUnavailable: 'Results are not available.',
  pollLiveUpdate: (v) => `Results updated. ${v}`,
  pollLiveClosed: 'The poll has now closed.',

  pollFirstChoices: 'First choices',
  pollRoundsUnavailable: 'This data source gives only first choices, so the rounds of the count cannot be shown.',
  pollRounds: 'The count, round by round',
  pollRound: (r, t) => `Round ${r} of ${t}`,
  pollRoundsExplain:
    'Each ballot counts for its highest-ranked option still in the count. After each round the option with the fewest votes leaves, until one has more than half.',
  pollWinner: (l, r, v, c, p) => `${l} wins in round ${r}, with ${v} of ${c} votes (${p}).`,
  pollLeading: (l, r, v, c, p) => `${l} leads in round ${r}, with ${v} of ${c} votes (${p}).`,
  pollTie: (l) => `The count ends in a tie between ${l}.`,
  pollNoVotes: 'Nobody has ranked an option yet.',
  pollEliminated: (l, n) =>
    `${l} ${n === 1 ? 'leaves' : 'leave'} the count; those ballots move to each voter’s next choice.`,
  pollTieEarlier: 'Tied for fewest votes; decided by the earlier rounds.',
  pollTieOrder: 'Tied for fewest votes in every round; decided by the order the options are listed in.',
  pollExhausted: (n, f) =>
    n === 1 ? '1 ballot ranks no option still in the count.' : `${f} ballots rank no option still in the count.`,
  pollWinnerMark: 'Winner',
  pollLeadingMark: 'Leading',
  pollLeavesMark: 'Leaves the count',
  pollRoundPercentNote: 'Percentages are of the ballots still in the count in each round.',
};

export const es: PollStrings = {
  pollNotFound: 'No se ha encontrado esta votación. Puede que se haya eliminado.',
  pollOpenUntil: (d) => `Abierta hasta el ${d}`,
  pollClosedOn: (d) => `Esta votación se cerró el ${d}.`,
  pollClosed: 'Esta votación está cerrada.',
  pollOpensOn: (d) => `La votación se abre el ${d}.`,
  pollNotOpenYet: 'La votación aún no se ha abierto.',

  pollHintSingle: 'Elige una opción.',
  pollHintMultiple: (n, f) => (n === 1 ? 'Elige una opción como máximo.' : `Elige hasta ${f} opciones.`),
  pollHintMultipleAny: 'Elige todas las opciones que quieras.',
  pollHintRanked:
    'Añade a tu clasificación las opciones que apoyas, empezando por tu favorita. No hace falta clasificarlas todas.',
  pollHintRankedMax: (n, f) =>
    n === 1
      ? 'Añade tu opción favorita a tu clasificación.'
      : `Clasifica hasta ${f} opciones, empezando por tu favorita.`,
  pollTooMany: (_c, cf, m, mf) => `Has elegido ${cf} opciones. Elige ${m === 1 ? 'una' : mf} como máximo.`,
  pollErrorSummary: 'Hay un problema',
  pollErrorPrefix: 'Error:',
  pollErrorChoose: 'Elige una opción.',
  pollErrorRank: 'Añade al menos una opción a tu clasificación.',

  pollVote: 'Votar',
  pollVoteChange: 'Guardar mi nuevo voto',
  pollVoteRetry: 'Enviar mi voto de nuevo',
  pollChangeVote: 'Cambiar mi voto',
  pollKeepVote: 'Mantener mi voto',
  pollSending: 'Enviando tu voto…',
  pollCounted: 'Gracias. Tu voto se ha contado.',
  pollChanged: 'Gracias. Tu voto se ha cambiado.',
  pollFailed: (r) => `Tu voto no se ha contado. ${r}`,
  pollConflict:
    'Ya habías votado en esta votación, así que este voto no se ha contado. Sigue valiendo tu voto anterior.',
  pollClosedNow: 'Esta votación se ha cerrado, así que tu voto no se ha contado.',
  pollInvalidBallot: 'La fuente de datos no ha aceptado esta papeleta. Revisa tus opciones y vota de nuevo.',
  pollQueued:
    'Parece que no tienes conexión. Tu voto está guardado en este dispositivo y se enviará cuando vuelvas a estar en línea.',
  pollQueuedThisPage:
    'Parece que no tienes conexión. Tu voto se enviará cuando vuelva la conexión, siempre que esta página siga abierta.',
  pollQueuedRetry:
    'No se pudo contactar con la fuente de datos del sitio. Tu voto está guardado en este dispositivo y se enviará de nuevo automáticamente.',
  pollQueuedRetryThisPage:
    'No se pudo contactar con la fuente de datos del sitio. Tu voto se enviará de nuevo automáticamente mientras esta página siga abierta.',
  pollSendNow: 'Intentar enviarlo ahora',
  pollQueuedDelivered: 'Tu voto guardado se ha enviado y contado.',
  pollQueuedFailed: (r) => `Tu voto guardado no se ha podido contar. ${r}`,
  pollCannotVote: 'Aquí no se puede votar: la fuente de datos de este sitio no recoge votos.',
  pollCannotChange: 'En esta votación no se puede cambiar el voto.',
  pollYourVote: (c) => `Tu voto: ${c}`,
  pollYourRanking: (c) => `Tu clasificación: ${c}`,

  pollRanking: 'Tu clasificación',
  pollNotRanked: 'Sin clasificar',
  pollRankingEmpty: 'Todavía no has clasificado ninguna opción.',
  pollAllRanked: 'Has clasificado todas las opciones.',
  pollMoveUp: (l) => `Subir ${l}`,
  pollMoveDown: (l) => `Bajar ${l}`,
  pollRemove: (l) => `Quitar ${l} de tu clasificación`,
  pollAdd: (l) => `Añadir ${l} a tu clasificación`,
  pollMoved: (l, p, t) => `${l}: ahora en la posición ${p} de ${t}.`,
  pollAdded: (l, p, t) => `Se ha añadido ${l} a tu clasificación, en la posición ${p} de ${t}.`,
  pollRemoved: (l) => `Se ha quitado ${l} de tu clasificación.`,
  pollAlreadyFirst: (l) => `${l} ya está en primer lugar.`,
  pollAlreadyLast: (l) => `${l} ya está en último lugar.`,

  pollOptions: 'Opciones',
  pollResults: 'Resultados',
  pollResultsSoFar: 'Resultados hasta ahora',
  pollVotes: (n, f, p) => `${n === 1 ? '1 voto' : `${f} votos`} (${p})`,
  pollVoters: (n, f) =>
    n === 0 ? 'Todavía no ha votado nadie.' : n === 1 ? 'Ha votado 1 persona.' : `Han votado ${f} personas.`,
  pollYourChoice: 'Tu elección',
  pollYourRank: (p) => `Tu posición: ${p}`,
  pollMultipleNote:
    'Se podía elegir más de una opción, así que los porcentajes son sobre las personas que votaron y suman más del 100 %.',
  pollResultsAfterVote: 'Los resultados se mostrarán cuando hayas votado.',
  pollResultsAfterClose: 'Los resultados se mostrarán cuando se cierre la votación.',
  pollResultsAfterCloseOn: (d) => `Los resultados se mostrarán cuando se cierre la votación, el ${d}.`,
  pollResultsUnavailable: 'Los resultados no están disponibles.',
  pollLiveUpdate: (v) => `Resultados actualizados. ${v}`,
  pollLiveClosed: 'La votación se acaba de cerrar.',

  pollFirstChoices: 'Primeras preferencias',
  pollRoundsUnavailable:
    'Esta fuente de datos solo da las primeras preferencias, así que no se pueden mostrar las rondas del recuento.',
  pollRounds: 'El recuento, ronda a ronda',
  pollRound: (r, t) => `Ronda ${r} de ${t}`,
  pollRoundsExplain:
    'Cada papeleta cuenta para la opción mejor clasificada que sigue en el recuento. Tras cada ronda sale la opción con menos votos, hasta que una tiene más de la mitad.',
  pollWinner: (l, r, v, c, p) => `${l} gana en la ronda ${r}, con ${v} de ${c} votos (${p}).`,
  pollLeading: (l, r, v, c, p) => `${l} va en cabeza en la ronda ${r}, con ${v} de ${c} votos (${p}).`,
  pollTie: (l) => `El recuento termina en empate entre ${l}.`,
  pollNoVotes: 'Todavía nadie ha clasificado ninguna opción.',
  pollEliminated: (l, n) =>
    `${l} ${n === 1 ? 'sale' : 'salen'} del recuento; esas papeletas pasan a la siguiente preferencia de cada votante.`,
  pollTieEarlier: 'Empate en el menor número de votos, resuelto por las rondas anteriores.',
  pollTieOrder: 'Empate en el menor número de votos en todas las rondas, resuelto por el orden de las opciones.',
  pollExhausted: (n, f) =>
    n === 1
      ? '1 papeleta ya no clasifica ninguna opción que siga en el recuento.'
      : `${f} papeletas ya no clasifican ninguna opción que siga en el recuento.`,
  pollWinnerMark: 'Ganadora',
  pollLeadingMark: 'En cabeza',
  pollLeavesMark: 'Sale del recuento',
  pollRoundPercentNote: 'Los porcentajes son sobre las papeletas que siguen en el recuento en cada ronda.',
};

export const de: PollStrings = {
  pollNotFound: 'Diese Abstimmung wurde nicht gefunden. Vielleicht wurde sie entfernt.',
  pollOpenUntil: (d) => `Offen bis ${d}`,
  pollClosedOn: (d) => `Diese Abstimmung wurde am ${d} geschlossen.`,
  pollClosed: 'Diese Abstimmung ist geschlossen.',
  pollOpensOn: (d) => `Die Abstimmung beginnt am ${d}.`,
  pollNotOpenYet: 'Die Abstimmung hat noch nicht begonnen.',

  pollHintSingle: 'Wählen Sie eine Option.',
  pollHintMultiple: (n, f) => (n === 1 ? 'Wählen Sie höchstens eine Option.' : `Wählen Sie bis zu ${f} Optionen.`),
  pollHintMultipleAny: 'Wählen Sie so viele Optionen, wie Sie möchten.',
  pollHintRanked:
    'Nehmen Sie die Optionen, die Sie unterstützen, in Ihre Rangfolge auf, Ihren Favoriten zuerst. Sie müssen nicht alle einordnen.',
  pollHintRankedMax: (n, f) =>
    n === 1
      ? 'Nehmen Sie Ihren Favoriten in Ihre Rangfolge auf.'
      : `Ordnen Sie bis zu ${f} Optionen ein, Ihren Favoriten zuerst.`,
  pollTooMany: (_c, cf, m, mf) => `Sie haben ${cf} Optionen gewählt. Wählen Sie höchstens ${m === 1 ? 'eine' : mf}.`,
  pollErrorSummary: 'Es gibt ein Problem',
  pollErrorPrefix: 'Fehler:',
  pollErrorChoose: 'Wählen Sie eine Option.',
  pollErrorRank: 'Nehmen Sie mindestens eine Option in Ihre Rangfolge auf.',

  pollVote: 'Abstimmen',
  pollVoteChange: 'Neue Stimme speichern',
  pollVoteRetry: 'Stimme noch einmal senden',
  pollChangeVote: 'Stimme ändern',
  pollKeepVote: 'Stimme behalten',
  pollSending: 'Ihre Stimme wird gesendet…',
  pollCounted: 'Danke. Ihre Stimme wurde gezählt.',
  pollChanged: 'Danke. Ihre Stimme wurde geändert.',
  pollFailed: (r) => `Ihre Stimme wurde nicht gezählt. ${r}`,
  pollConflict:
    'Sie hatten in dieser Abstimmung bereits abgestimmt, daher wurde diese Stimme nicht gezählt. Ihre frühere Stimme gilt weiter.',
  pollClosedNow: 'Diese Abstimmung ist inzwischen geschlossen, daher wurde Ihre Stimme nicht gezählt.',
  pollInvalidBallot:
    'Die Datenquelle hat diesen Stimmzettel nicht angenommen. Prüfen Sie Ihre Auswahl und stimmen Sie erneut ab.',
  pollQueued:
    'Sie scheinen offline zu sein. Ihre Stimme ist auf diesem Gerät gespeichert und wird gesendet, sobald Sie wieder online sind.',
  pollQueuedThisPage:
    'Sie scheinen offline zu sein. Ihre Stimme wird gesendet, sobald die Verbindung zurück ist, solange diese Seite geöffnet bleibt.',
  pollQueuedRetry:
    'Die Datenquelle der Website war nicht erreichbar. Ihre Stimme ist auf diesem Gerät gespeichert und wird automatisch erneut gesendet.',
  pollQueuedRetryThisPage:
    'Die Datenquelle der Website war nicht erreichbar. Ihre Stimme wird automatisch erneut gesendet, solange diese Seite geöffnet bleibt.',
  pollSendNow: 'Jetzt senden',
  pollQueuedDelivered: 'Ihre gespeicherte Stimme wurde gesendet und gezählt.',
  pollQueuedFailed: (r) => `Ihre gespeicherte Stimme konnte nicht gezählt werden. ${r}`,
  pollCannotVote: 'Hier kann nicht abgestimmt werden: Die Datenquelle dieser Website nimmt keine Stimmen an.',
  pollCannotChange: 'In dieser Abstimmung kann die Stimme nicht geändert werden.',
  pollYourVote: (c) => `Ihre Stimme: ${c}`,
  pollYourRanking: (c) => `Ihre Rangfolge: ${c}`,

  pollRanking: 'Ihre Rangfolge',
  pollNotRanked: 'Nicht eingeordnet',
  pollRankingEmpty: 'Noch keine Option eingeordnet.',
  pollAllRanked: 'Sie haben alle Optionen eingeordnet.',
  pollMoveUp: (l) => `${l} nach oben`,
  pollMoveDown: (l) => `${l} nach unten`,
  pollRemove: (l) => `${l} aus Ihrer Rangfolge entfernen`,
  pollAdd: (l) => `${l} in Ihre Rangfolge aufnehmen`,
  pollMoved: (l, p, t) => `${l} ist jetzt auf Platz ${p} von ${t}.`,
  pollAdded: (l, p, t) => `${l} ist jetzt in Ihrer Rangfolge, auf Platz ${p} von ${t}.`,
  pollRemoved: (l) => `${l} wurde aus Ihrer Rangfolge entfernt.`,
  pollAlreadyFirst: (l) => `${l} ist bereits ganz oben.`,
  pollAlreadyLast: (l) => `${l} ist bereits ganz unten.`,

  pollOptions: 'Optionen',
  pollResults: 'Ergebnisse',
  pollResultsSoFar: 'Bisherige Ergebnisse',
  pollVotes: (n, f, p) => `${n === 1 ? '1 Stimme' : `${f} Stimmen`} (${p})`,
  pollVoters: (n, f) =>
    n === 0 ? 'Noch hat niemand abgestimmt.' : n === 1 ? '1 Person hat abgestimmt.' : `${f} Personen haben abgestimmt.`,
  pollYourChoice: 'Ihre Wahl',
  pollYourRank: (p) => `Ihr Platz: ${p}`,
  pollMultipleNote:
    'Man konnte mehr als eine Option wählen, daher beziehen sich die Prozente auf die Abstimmenden und ergeben zusammen mehr als 100 %.',
  pollResultsAfterVote: 'Die Ergebnisse werden angezeigt, sobald Sie abgestimmt haben.',
  pollResultsAfterClose: 'Die Ergebnisse werden angezeigt, wenn die Abstimmung endet.',
  pollResultsAfterCloseOn: (d) => `Die Ergebnisse werden angezeigt, wenn die Abstimmung am ${d} endet.`,
  pollResultsUnavailable: 'Die Ergebnisse sind nicht verfügbar.',
  pollLiveUpdate: (v) => `Ergebnisse aktualisiert. ${v}`,
  pollLiveClosed: 'Die Abstimmung ist jetzt geschlossen.',

  pollFirstChoices: 'Erstpräferenzen',
  pollRoundsUnavailable:
    'Diese Datenquelle liefert nur die Erstpräferenzen, daher können die Runden der Auszählung nicht gezeigt werden.',
  pollRounds: 'Die Auszählung, Runde für Runde',
  pollRound: (r, t) => `Runde ${r} von ${t}`,
  pollRoundsExplain:
    'Jeder Stimmzettel zählt für die am höchsten eingeordnete Option, die noch im Rennen ist. Nach jeder Runde scheidet die Option mit den wenigsten Stimmen aus, bis eine mehr als die Hälfte hat.',
  pollWinner: (l, r, v, c, p) => `${l} gewinnt in Runde ${r} mit ${v} von ${c} Stimmen (${p}).`,
  pollLeading: (l, r, v, c, p) => `${l} liegt in Runde ${r} vorn, mit ${v} von ${c} Stimmen (${p}).`,
  pollTie: (l) => `Die Auszählung endet unentschieden zwischen ${l}.`,
  pollNoVotes: 'Noch hat niemand eine Option eingeordnet.',
  pollEliminated: (l, n) =>
    `${l} ${n === 1 ? 'scheidet' : 'scheiden'} aus; diese Stimmzettel zählen nun für die jeweils nächste Wahl.`,
  pollTieEarlier: 'Gleichstand bei den wenigsten Stimmen, entschieden nach den früheren Runden.',
  pollTieOrder: 'Gleichstand bei den wenigsten Stimmen in jeder Runde, entschieden nach der Reihenfolge der Optionen.',
  pollExhausted: (n, f) =>
    `${n === 1 ? '1 Stimmzettel nennt' : `${f} Stimmzettel nennen`} keine Option mehr, die noch im Rennen ist.`,
  pollWinnerMark: 'Gewinnt',
  pollLeadingMark: 'Vorn',
  pollLeavesMark: 'Scheidet aus',
  pollRoundPercentNote: 'Die Prozente beziehen sich auf die Stimmzettel, die in der jeweiligen Runde noch zählen.',
};

const frPlural = new Intl.PluralRules('fr');
export const fr: PollStrings = {
  pollNotFound: 'Ce sondage est introuvable. Il a peut-être été supprimé.',
  pollOpenUntil: (d) => `Ouvert jusqu’au ${d}`,
  pollClosedOn: (d) => `Ce sondage a été clos le ${d}.`,
  pollClosed: 'Ce sondage est clos.',
  pollOpensOn: (d) => `Le vote ouvre le ${d}.`,
  pollNotOpenYet: 'Le vote n’est pas encore ouvert.',

  pollHintSingle: 'Choisissez une option.',
  pollHintMultiple: (n, f) => (n === 1 ? 'Choisissez une option au plus.' : `Choisissez jusqu’à ${f} options.`),
  pollHintMultipleAny: 'Choisissez autant d’options que vous le souhaitez.',
  pollHintRanked:
    'Ajoutez à votre classement les options que vous soutenez, votre préférée en premier. Inutile de toutes les classer.',
  pollHintRankedMax: (n, f) =>
    n === 1
      ? 'Ajoutez votre option préférée à votre classement.'
      : `Classez jusqu’à ${f} options, votre préférée en premier.`,
  pollTooMany: (_c, cf, m, mf) => `Vous avez choisi ${cf} options. Choisissez-en ${m === 1 ? 'une' : mf} au plus.`,
  pollErrorSummary: 'Il y a un problème',
  pollErrorPrefix: 'Erreur\u00a0:',
  pollErrorChoose: 'Choisissez une option.',
  pollErrorRank: 'Ajoutez au moins une option à votre classement.',

  pollVote: 'Voter',
  pollVoteChange: 'Enregistrer mon nouveau vote',
  pollVoteRetry: 'Renvoyer mon vote',
  pollChangeVote: 'Modifier mon vote',
  pollKeepVote: 'Garder mon vote',
  pollSending: 'Envoi de votre vote…',
  pollCounted: 'Merci. Votre vote a été compté.',
  pollChanged: 'Merci. Votre vote a été modifié.',
  pollFailed: (r) => `Votre vote n’a pas été compté. ${r}`,
  pollConflict:
    'Vous aviez déjà voté dans ce sondage\u00a0: ce vote n’a donc pas été compté. Votre vote précédent reste valable.',
  pollClosedNow: 'Ce sondage vient d’être clos\u00a0: votre vote n’a pas été compté.',
  pollInvalidBallot: 'La source de données n’a pas accepté ce bulletin. Vérifiez vos choix et votez à nouveau.',
  pollQueued:
    'Vous semblez hors ligne. Votre vote est enregistré sur cet appareil et sera envoyé dès que vous serez de nouveau en ligne.',
  pollQueuedThisPage:
    'Vous semblez hors ligne. Votre vote sera envoyé dès le retour de la connexion, tant que cette page reste ouverte.',
  pollQueuedRetry:
    'La source de données du site n’a pas pu être jointe. Votre vote est enregistré sur cet appareil et sera renvoyé automatiquement.',
  pollQueuedRetryThisPage:
    'La source de données du site n’a pas pu être jointe. Votre vote sera renvoyé automatiquement tant que cette page reste ouverte.',
  pollSendNow: 'Essayer de l’envoyer maintenant',
  pollQueuedDelivered: 'Votre vote enregistré a été envoyé et compté.',
  pollQueuedFailed: (r) => `Votre vote enregistré n’a pas pu être compté. ${r}`,
  pollCannotVote: 'On ne peut pas voter ici\u00a0: la source de données de ce site ne reçoit pas de votes.',
  pollCannotChange: 'Dans ce sondage, un vote ne peut pas être modifié.',
  pollYourVote: (c) => `Votre vote\u00a0: ${c}`,
  pollYourRanking: (c) => `Votre classement\u00a0: ${c}`,

  pollRanking: 'Votre classement',
  pollNotRanked: 'Non classées',
  pollRankingEmpty: 'Aucune option classée pour l’instant.',
  pollAllRanked: 'Vous avez classé toutes les options.',
  pollMoveUp: (l) => `Monter ${l}`,
  pollMoveDown: (l) => `Descendre ${l}`,
  pollRemove: (l) => `Retirer ${l} de votre classement`,
  pollAdd: (l) => `Ajouter ${l} à votre classement`,
  pollMoved: (l, p, t) => `${l}\u00a0: maintenant en position ${p} sur ${t}.`,
  pollAdded: (l, p, t) => `Ajout de ${l} à votre classement, en position ${p} sur ${t}.`,
  pollRemoved: (l) => `Retrait de ${l} de votre classement.`,
  pollAlreadyFirst: (l) => `${l}\u00a0: déjà en première position.`,
  pollAlreadyLast: (l) => `${l}\u00a0: déjà en dernière position.`,

  pollOptions: 'Options',
  pollResults: 'Résultats',
  pollResultsSoFar: 'Résultats provisoires',
  pollVotes: (_n, f, p) => `${f}\u00a0voix (${p})`,
  pollVoters: (n, f) =>
    n === 0
      ? 'Personne n’a encore voté.'
      : frPlural.select(n) === 'one'
        ? `${f}\u00a0personne a voté.`
        : `${f}\u00a0personnes ont voté.`,
  pollYourChoice: 'Votre choix',
  pollYourRank: (p) => `Votre rang\u00a0: ${p}`,
  pollMultipleNote:
    'On pouvait choisir plusieurs options\u00a0: les pourcentages portent sur les personnes qui ont voté et leur total dépasse 100\u00a0%.',
  pollResultsAfterVote: 'Les résultats s’afficheront une fois que vous aurez voté.',
  pollResultsAfterClose: 'Les résultats s’afficheront à la clôture du sondage.',
  pollResultsAfterCloseOn: (d) => `Les résultats s’afficheront à la clôture du sondage, le ${d}.`,
  pollResultsUnavailable: 'Les résultats ne sont pas disponibles.',
  pollLiveUpdate: (v) => `Résultats mis à jour. ${v}`,
  pollLiveClosed: 'Le sondage est maintenant clos.',

  pollFirstChoices: 'Premiers choix',
  pollRoundsUnavailable:
    'Cette source de données ne fournit que les premiers choix\u00a0: les tours du dépouillement ne peuvent pas être affichés.',
  pollRounds: 'Le dépouillement, tour par tour',
  pollRound: (r, t) => `Tour ${r} sur ${t}`,
  pollRoundsExplain:
    'Chaque bulletin compte pour l’option la mieux classée encore en lice. Après chaque tour, l’option qui a le moins de voix est éliminée, jusqu’à ce qu’une option obtienne plus de la moitié des voix.',
  pollWinner: (l, r, v, c, p) => `${l} l’emporte au tour ${r}, avec ${v}\u00a0voix sur ${c} (${p}).`,
  pollLeading: (l, r, v, c, p) => `${l} est en tête au tour ${r}, avec ${v}\u00a0voix sur ${c} (${p}).`,
  pollTie: (l) => `Le dépouillement se termine par une égalité entre ${l}.`,
  pollNoVotes: 'Personne n’a encore classé d’option.',
  pollEliminated: (l, n) =>
    n === 1
      ? `${l} est éliminée\u00a0; ses bulletins passent au choix suivant de chaque votant.`
      : `${l} sont éliminées\u00a0; leurs bulletins passent au choix suivant de chaque votant.`,
  pollTieEarlier: 'Égalité pour le moins de voix, départagée par les tours précédents.',
  pollTieOrder: 'Égalité pour le moins de voix à chaque tour, départagée par l’ordre des options.',
  pollExhausted: (n, f) =>
    frPlural.select(n) === 'one'
      ? `${f}\u00a0bulletin ne classe plus aucune option en lice.`
      : `${f}\u00a0bulletins ne classent plus aucune option en lice.`,
  pollWinnerMark: 'Gagnante',
  pollLeadingMark: 'En tête',
  pollLeavesMark: 'Éliminée',
  pollRoundPercentNote: 'Les pourcentages portent sur les bulletins encore en lice à chaque tour.',
};

const arPlural = new Intl.PluralRules('ar');
/** Arabic has six plural forms: zero, one, two, few (3–10), many (11–99) and other (100, 101…). */
const arForms = (n: number, forms: Record<Intl.LDMLPluralRule, string>): string => forms[arPlural.select(n)];
export const ar: PollStrings = {
  pollNotFound: 'لم يُعثر على هذا الاستطلاع. ربما حُذف.',
  pollOpenUntil: (d) => `مفتوح حتى ${d}`,
  pollClosedOn: (d) => `أُغلق هذا الاستطلاع في ${d}.`,
  pollClosed: 'هذا الاستطلاع مغلق.',
  pollOpensOn: (d) => `يبدأ التصويت في ${d}.`,
  pollNotOpenYet: 'لم يبدأ التصويت بعد.',

  pollHintSingle: 'اختر خيارًا واحدًا.',
  pollHintMultiple: (n, f) => (n === 1 ? 'اختر خيارًا واحدًا على الأكثر.' : `اختر خيارًا واحدًا أو أكثر، بحد أقصى ${f}.`),
  pollHintMultipleAny: 'اختر ما تشاء من الخيارات.',
  pollHintRanked: 'أضف إلى ترتيبك الخيارات التي تؤيدها، مبتدئًا بالمفضّل لديك. لا يلزم ترتيبها كلها.',
  pollHintRankedMax: (n, f) =>
    n === 1 ? 'أضف الخيار المفضّل لديك إلى ترتيبك.' : `رتّب الخيارات مبتدئًا بالمفضّل لديك، بحد أقصى ${f}.`,
  pollTooMany: (_c, cf, _m, mf) => `اخترت ${cf} من الخيارات، والحد الأقصى ${mf}.`,
  pollErrorSummary: 'هناك مشكلة',
  pollErrorPrefix: 'خطأ:',
  pollErrorChoose: 'اختر خيارًا.',
  pollErrorRank: 'أضف خيارًا واحدًا على الأقل إلى ترتيبك.',

  pollVote: 'صوّت',
  pollVoteChange: 'احفظ صوتي الجديد',
  pollVoteRetry: 'أرسل صوتي مرة أخرى',
  pollChangeVote: 'غيّر صوتي',
  pollKeepVote: 'أبقِ صوتي',
  pollSending: 'جارٍ إرسال صوتك…',
  pollCounted: 'شكرًا لك. احتُسب صوتك.',
  pollChanged: 'شكرًا لك. تغيّر صوتك.',
  pollFailed: (r) => `لم يُحتسب صوتك. ${r}`,
  pollConflict: 'سبق أن صوّتَّ في هذا الاستطلاع، لذا لم يُحتسب هذا الصوت. يبقى صوتك السابق قائمًا.',
  pollClosedNow: 'أُغلق هذا الاستطلاع، لذا لم يُحتسب صوتك.',
  pollInvalidBallot: 'لم يقبل مصدر البيانات ورقة الاقتراع هذه. راجع اختياراتك وصوّت مرة أخرى.',
  pollQueued: 'يبدو أنك غير متصل. حُفظ صوتك على هذا الجهاز وسيُرسل عند عودتك إلى الاتصال.',
  pollQueuedThisPage: 'يبدو أنك غير متصل. سيُرسل صوتك عند عودة الاتصال، ما دامت هذه الصفحة مفتوحة.',
  pollQueuedRetry: 'تعذّر الوصول إلى مصدر بيانات الموقع. صوتك محفوظ على هذا الجهاز وسيُعاد إرساله تلقائيًا.',
  pollQueuedRetryThisPage: 'تعذّر الوصول إلى مصدر بيانات الموقع. سيُعاد إرسال صوتك تلقائيًا ما دامت هذه الصفحة مفتوحة.',
  pollSendNow: 'حاول الإرسال الآن',
  pollQueuedDelivered: 'أُرسل صوتك المحفوظ واحتُسب.',
  pollQueuedFailed: (r) => `تعذّر احتساب صوتك المحفوظ. ${r}`,
  pollCannotVote: 'لا يمكن التصويت هنا: مصدر بيانات هذا الموقع لا يستقبل الأصوات.',
  pollCannotChange: 'لا يمكن تغيير الصوت في هذا الاستطلاع.',
  pollYourVote: (c) => `صوتك: ${c}`,
  pollYourRanking: (c) => `ترتيبك: ${c}`,

  pollRanking: 'ترتيبك',
  pollNotRanked: 'غير مرتّبة',
  pollRankingEmpty: 'لم ترتّب أي خيار بعد.',
  pollAllRanked: 'رتّبت كل الخيارات.',
  pollMoveUp: (l) => `انقل ${l} إلى الأعلى`,
  pollMoveDown: (l) => `انقل ${l} إلى الأسفل`,
  pollRemove: (l) => `أزل ${l} من ترتيبك`,
  pollAdd: (l) => `أضف ${l} إلى ترتيبك`,
  pollMoved: (l, p, t) => `${l} الآن في المرتبة ${p} من ${t}.`,
  pollAdded: (l, p, t) => `أُضيف ${l} إلى ترتيبك في المرتبة ${p} من ${t}.`,
  pollRemoved: (l) => `أُزيل ${l} من ترتيبك.`,
  pollAlreadyFirst: (l) => `${l} في المرتبة الأولى أصلًا.`,
  pollAlreadyLast: (l) => `${l} في المرتبة الأخيرة أصلًا.`,

  pollOptions: 'الخيارات',
  pollResults: 'النتائج',
  pollResultsSoFar: 'النتائج حتى الآن',
  pollVotes: (n, f, p) =>
    `${arForms(n, { zero: 'لا أصوات', one: 'صوت واحد', two: 'صوتان', few: `${f} أصوات`, many: `${f} صوتًا`, other: `${f} صوت` })} (${p})`,
  pollVoters: (n, f) =>
    arForms(n, {
      zero: 'لم يصوّت أحد بعد.',
      one: 'صوّت شخص واحد.',
      two: 'صوّت شخصان.',
      few: `صوّت ${f} أشخاص.`,
      many: `صوّت ${f} شخصًا.`,
      other: `صوّت ${f} شخص.`,
    }),
  pollYourChoice: 'اختيارك',
  pollYourRank: (p) => `مرتبته عندك: ${p}`,
  pollMultipleNote: 'كان يمكن اختيار أكثر من خيار، لذا النسب المئوية هي من عدد المصوّتين ومجموعها يتجاوز 100٪.',
  pollResultsAfterVote: 'ستظهر النتائج بعد أن تصوّت.',
  pollResultsAfterClose: 'ستظهر النتائج عند إغلاق الاستطلاع.',
  pollResultsAfterCloseOn: (d) => `ستظهر النتائج عند إغلاق الاستطلاع في ${d}.`,
  pollResultsUnavailable: 'النتائج غير متاحة.',
  pollLiveUpdate: (v) => `تحدّثت النتائج. ${v}`,
  pollLiveClosed: 'أُغلق الاستطلاع الآن.',

  pollFirstChoices: 'الاختيارات الأولى',
  pollRoundsUnavailable: 'لا يوفّر مصدر البيانات هذا إلا الاختيارات الأولى، لذا لا يمكن عرض جولات الفرز.',
  pollRounds: 'الفرز جولةً بجولة',
  pollRound: (r, t) => `الجولة ${r} من ${t}`,
  pollRoundsExplain:
    'تُحتسب كل ورقة اقتراع للخيار الأعلى ترتيبًا فيها مما بقي في الفرز. بعد كل جولة يخرج الخيار الأقل أصواتًا، حتى ينال أحد الخيارات أكثر من النصف.',
  pollWinner: (l, r, v, c, p) => `فاز ${l} في الجولة ${r}، وله ${v} من ${c} من الأصوات (${p}).`,
  pollLeading: (l, r, v, c, p) => `يتقدّم ${l} في الجولة ${r}، وله ${v} من ${c} من الأصوات (${p}).`,
  pollTie: (l) => `انتهى الفرز بالتعادل بين ${l}.`,
  pollNoVotes: 'لم يرتّب أحد أي خيار بعد.',
  pollEliminated: (l) => `خرج من الفرز: ${l}. تنتقل أوراق الاقتراع هذه إلى الاختيار التالي لكل مصوّت.`,
  pollTieEarlier: 'تعادل في أقل عدد من الأصوات، حُسم بالجولات السابقة.',
  pollTieOrder: 'تعادل في أقل عدد من الأصوات في كل الجولات، حُسم بترتيب الخيارات في القائمة.',
  pollExhausted: (n, f) =>
    arForms(n, {
      zero: 'لا توجد أوراق اقتراع خارج الفرز.',
      one: 'ورقة اقتراع واحدة لم تعد ترتّب أي خيار ما زال في الفرز.',
      two: 'ورقتا اقتراع لم تعودا ترتّبان أي خيار ما زال في الفرز.',
      few: `${f} أوراق اقتراع لم تعد ترتّب أي خيار ما زال في الفرز.`,
      many: `${f} ورقة اقتراع لم تعد ترتّب أي خيار ما زال في الفرز.`,
      other: `${f} ورقة اقتراع لم تعد ترتّب أي خيار ما زال في الفرز.`,
    }),
  pollWinnerMark: 'الفائز',
  pollLeadingMark: 'في الصدارة',
  pollLeavesMark: 'يخرج من الفرز',
  pollRoundPercentNote: 'النسب المئوية هي من أوراق الاقتراع التي ما زالت في الفرز في كل جولة.',
};

export const pollStrings = { en, es, de, fr, ar } satisfies Record<Language, PollStrings>;
