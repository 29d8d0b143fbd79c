import type { Locale } from './report/locale';

/** Everything the bot says outside the question catalogue, in Dutch and English. */
const texts = {
  nl: {
    downloadAsWord: 'Downloaden als Word',
    chooseReportToDownload: 'Van welk verslag wil je het Word-bestand?',
    noPostedReportsToDownload:
      'Je hebt nog geen geplaatst verslag om te downloaden; een concept is nog geen verslag. Typ **nieuw verslag** om er een te maken, of **verder** om je concept af te maken.',
    fileConsentDescription: (title: string) =>
      `Het verslag ${title} als Word-document, in de opmaak van het formulier.`,
    downloadDeclined:
      'Prima, ik heb niets opgeslagen. Typ **exporteer** als je het bestand later wilt.',
    downloadNotYours:
      'Je kunt alleen het Word-bestand van je eigen geplaatste verslagen krijgen; dit verslag is niet van jou of is er niet meer. Er is niets opgeslagen.',
    downloadFailed:
      'Het opslaan van het Word-bestand in je OneDrive is niet gelukt; je verslag is onveranderd. Typ **exporteer** om het opnieuw te proberen.',
    downloadSaving:
      'Ik zet het Word-bestand in je OneDrive; het verschijnt hier zodra het klaar is.',
    exportInPersonalChat:
      'Een Word-bestand van je verslag krijg je in je persoonlijke chat met mij: typ daar **exporteer**.',
    wordFile: 'Word-bestand',
    fileConsentSaved: 'Opgeslagen in je OneDrive.',
    fileConsentFailed: 'Niet opgeslagen: het opslaan in je OneDrive is mislukt.',
    fileConsentDeclined: 'Niet opgeslagen: je hebt het geweigerd.',
    fileConsentAlreadyAnswered:
      'Deze vraag om het Word-bestand op te slaan heb je al beantwoord; typ **exporteer** als je het bestand opnieuw wilt.',
    edit: 'Wijzigen',
    confirm: 'Bevestigen',
    cancel: 'Annuleren',
    was: 'Was',
    becomes: 'Wordt',
    chooseReport: 'Welk verslag wil je wijzigen?',
    choosePart: 'Welk onderdeel wil je wijzigen?',
    choosePartTyped:
      'Dat onderdeel ken ik niet. Kies het op de kaart, of typ bijvoorbeeld **wijzig doel**.',
    confirmEdit: (part: string) => `Klopt deze wijziging bij ‘${part}’?`,
    confirmTypedHint: 'Typ **ja** om te bevestigen of **nee** om niets te wijzigen.',
    editCancelled: 'Niets gewijzigd.',
    editSaved: (version: number) =>
      `Opgeslagen als versie ${version}; het verslag in het kanaal is bijgewerkt.`,
    editSavedNotSynced: (version: number) =>
      `Opgeslagen als versie ${version}, maar het kanaal is nu niet bereikbaar; ik werk het bericht in het kanaal later bij.`,
    editSavedSyncing: (version: number) =>
      `Opgeslagen als versie ${version}; het verslag in het kanaal wordt zo bijgewerkt.`,
    editAlreadySaved: (version: number) =>
      `Deze wijziging is al opgeslagen als versie ${version}; er is niets dubbel gewijzigd.`,
    noPostedReports:
      'Je hebt nog geen geplaatst verslag om te wijzigen. Typ **nieuw verslag** om er een te maken, of **verder** om je concept af te maken.',
    notYourReport:
      'Je kunt alleen je eigen verslagen wijzigen; dit verslag is van iemand anders. Er is niets veranderd.',
    onlyAuthor: (name: string) => `Alleen ${name} kan dit verslag wijzigen. Er is niets veranderd.`,
    editInPersonalChat:
      'Ik heb je een persoonlijk bericht gestuurd; daar kun je het verslag wijzigen.',
    editInPersonalChatFailed:
      'Ik kon je nu geen persoonlijk bericht sturen. Typ **wijzig** in je persoonlijke chat met mij om het verslag te wijzigen.',
    changeNote: (by: string, part: string, version: number) =>
      `${by} heeft ${part} gewijzigd (versie ${version}).`,
    updatedTo: (version: number) => `Het verslag is bijgewerkt naar versie ${version}.`,
    replacesDeletedPost:
      'Dit verslag vervangt een eerder bericht dat uit het kanaal is verwijderd.',
    channelUnavailable: (title: string) =>
      `Je verslag "${title}" kan ik niet meer in het kanaal plaatsen, omdat Reisverslag niet meer in het team zit: vraag een eigenaar van het team de app opnieuw toe te voegen, of typ ‘@Reisverslag gebruik dit kanaal’ in een ander kanaal, en wijzig daarna je verslag om het opnieuw te plaatsen.`,
    syncGivenUp: (title: string) =>
      `Je verslag "${title}" is opgeslagen, maar het bericht in het kanaal kon ik na herhaalde pogingen niet bijwerken; wijzig je verslag later nog eens om het opnieuw te proberen.`,
    editSavedNotInChannel: (version: number) =>
      `Opgeslagen als versie ${version}; het bericht in het kanaal is niet bijgewerkt (zie hierboven).`,
    updatedFooter: (date: string, version: number) => `Bijgewerkt op ${date} (versie ${version})`,
    myReportsTitle: 'Mijn verslagen',
    newestReports: (shown: number, total: number) =>
      `De nieuwste ${shown} van je ${total} verslagen; de rest past niet op één kaart.`,
    noReports: 'Je hebt nog geen verslagen. Typ **nieuw verslag** om te beginnen.',
    statusDraft: 'concept',
    statusPosted: (version: number) => `geplaatst, versie ${version}`,
    openInChannel: 'Bekijken in kanaal',
    sameTripPosted: (name: string, title: string) =>
      `${name} heeft al een verslag geplaatst over ‘${title}’.`,
    sameTripPostedAbout: (name: string, title: string, about: string) =>
      `${name} heeft al een verslag geplaatst over ‘${title}’ (${about}).`,
    sameTripPostedWhereWhen: (name: string, title: string, where: string, when: string) =>
      `${name} heeft al een verslag geplaatst over ‘${title}’ (${where}, ${when}).`,
    sameTripNumbered: (n: number) => `Bekijken in kanaal (${n})`,
    sameTripOwnReport: 'Toch een eigen verslag schrijven',
    notNow: 'Niet nu',
    sameTripLater:
      'Goed, ik begin geen nieuw verslag. Typ **nieuw verslag** als je toch een eigen verslag wilt schrijven.',
    sameTripTypedHint:
      'Kies een knop op de kaart, of typ **nieuw verslag** om toch een eigen verslag te schrijven.',
    appName: 'Reisverslag',
    progress: (n: number, total: number) => `Vraag ${n} van ${total}`,
    next: 'Volgende',
    previous: 'Vorige',
    change: 'Wijzigen',
    post: 'Plaatsen in kanaal',
    openForm: 'Alles in één formulier',
    save: 'Opslaan',
    formIntro:
      'Alle vragen op één kaart, ingevuld met wat je al hebt beantwoord. Vul alles in en druk op Opslaan; daarna zie je je verslag nog één keer voordat je het plaatst.',
    formHasErrors: (count: number) =>
      count === 1
        ? 'Eén antwoord klopt nog niet: zie de melding onder het veld. Er is nog niets opgeslagen.'
        : `${count} antwoorden kloppen nog niet: zie de meldingen onder de velden. Er is nog niets opgeslagen.`,
    formSaved: 'alle antwoorden opgeslagen',
    formShortened:
      'Ingekort voor Teams: laat je dit veld zo, dan blijft je volledige antwoord bewaard.',
    formTypedHint:
      'Vul het formulier hierboven in en druk op **Opslaan**, of typ **verder** om in de chat vraag voor vraag verder te gaan.',
    formStale:
      'Dat formulier is niet meer actueel; hieronder staat het opnieuw, met je opgeslagen antwoorden.',
    resume: 'Verdergaan',
    newReport: 'Nieuw verslag',
    yes: 'Ja',
    no: 'Nee',
    fieldRequired: 'Dit veld is verplicht.',
    fillIn: (label: string) => `Vul ${label.toLowerCase()} in.`,
    numberRange: (min: number, max: number) =>
      `Vul een heel getal in van ${min} tot en met ${max}.`,
    amountPlaceholder: 'Bijvoorbeeld 412,80 of nog niet bekend',
    amountMissing: (part: string) =>
      `Vul ${part.toLowerCase()} in: 0 als er geen waren, of nog niet bekend.`,
    payerChoices: {
      municipality: 'De gemeente',
      thirdParty: 'Een derde partij',
      shared: 'Gedeeld',
    },
    travellersSuggestion: (colleagues: number, travellers: number) =>
      colleagues === 0
        ? 'Je reisde alleen: 1 persoon. Klopt dat? Ga verder, of pas het aantal aan.'
        : `Jij en ${colleagues} ${colleagues === 1 ? 'reisgenoot' : 'reisgenoten'}: ${travellers} personen. Klopt dat? Ga verder, of pas het aantal aan.`,
    colleaguesNotFound: (count: number) =>
      count === 1
        ? 'Eén gekozen collega kon ik niet vinden in je teams; typ de naam in het tekstvak.'
        : `${count} gekozen collega's kon ik niet vinden in je teams; typ hun namen in het tekstvak.`,
    welcome:
      'Hallo! Ik help je een verslag te maken van je buitenlandse dienstreis. Ik stel de vragen van het formulier "Verslag buitenlandse dienstreis" één voor één; typ **nieuw verslag** om te beginnen.',
    helpIntro:
      'Ik stel je de vragen van het formulier "Verslag buitenlandse dienstreis", één per kaart. Antwoord op de kaart of typ je antwoord gewoon in de chat. Elk antwoord wordt meteen bewaard.',
    helpOutro:
      'Aan het eind zie je alle antwoorden en plaats je het verslag met één knop in het kanaal van je team.',
    paused: 'Gepauzeerd. Je concept is bewaard; typ **verder** wanneer je verder wilt gaan.',
    nothingToStop: 'Er loopt nu geen verslag. Typ **nieuw verslag** om te beginnen.',
    noDraftToContinue:
      'Je hebt geen onafgerond verslag om mee verder te gaan. Typ **nieuw verslag** om er een te beginnen.',
    thanksReply: 'Graag gedaan!',
    thanksReplyWithDraft:
      'Graag gedaan! Je concept is bewaard; typ **verder** wanneer je verder wilt gaan.',
    greetingReply: 'Hallo! Typ **nieuw verslag** om een verslag van je dienstreis te beginnen.',
    greetingReplyWithDraft:
      'Hallo! Typ **verder** om verder te gaan met je onafgeronde verslag, of **nieuw verslag** voor een nieuw verslag.',
    fileNotTaken:
      "Bestanden, foto's en stickers kan ik niet aan het verslag toevoegen; typ je antwoord gewoon in de chat.",
    fileNotTakenIdle:
      "Bestanden, foto's en stickers kan ik niet aan een verslag toevoegen; typ **nieuw verslag** om een verslag te beginnen en typ dan je antwoorden in de chat.",
    commandNotAnswer:
      'Dat is een opdracht en geen antwoord, dus ik heb niets bewaard; typ je antwoord op de vraag hierboven.',
    resumeOffer: (title: string, answered: number, total: number) =>
      `Je hebt een onafgerond verslag: ${title} (${answered} van ${total} vragen beantwoord). Wil je daarmee verdergaan?`,
    untitled: 'nog zonder titel',
    resumeTypedHint: 'Typ **verder** om verder te gaan of **nieuw** voor een nieuw verslag.',
    staleCard:
      'Die kaart hoort bij een eerdere vraag en is niet meer actueel; ik stel de huidige vraag opnieuw.',
    staleCardIdle:
      'Die kaart is niet meer actueel. Typ **verder** om verder te gaan waar je gebleven was.',
    reviewTitle: 'Controleer je verslag',
    reviewDone: 'geplaatst in het kanaal',
    reviewIntro:
      'Dit zijn al je antwoorden. Wijzig wat nog niet klopt en plaats het verslag dan in het kanaal.',
    reviewTypedHint:
      'Typ **plaatsen** om het verslag te plaatsen, of **wijzig** met het onderdeel.',
    notComplete:
      'Nog niet alle vragen zijn beantwoord; ik ga verder met de eerstvolgende open vraag.',
    noChannel:
      'Ik weet nog niet in welk kanaal ik het verslag moet plaatsen. Vraag de eigenaar van je team om de app Reisverslag aan het team toe te voegen (in Teams: Apps > Reisverslag > Toevoegen aan een team), of typ in het gewenste kanaal **@Reisverslag gebruik dit kanaal**. Je verslag blijft als concept bewaard; typ daarna **verder** om het te plaatsen.',
    chooseTeam: 'In welk team wil je het verslag plaatsen?',
    teamLeft: 'Je bent geen lid meer van dat team; kies een van je eigen teams.',
    notInAnyTeam:
      'Je bent geen lid van een team waarin de app Reisverslag staat, dus ik kan je verslag nog nergens plaatsen: vraag de eigenaar van je team om Reisverslag aan het team toe te voegen (je verslag blijft als concept bewaard).',
    teamsUnreachable:
      'Ik kon Teams nu niet vragen in welke teams je zit; je verslag blijft als concept bewaard, dus probeer het over een paar minuten opnieuw met **verder**.',
    posted: (team: string, channel: string) =>
      `Je verslag is geplaatst in het kanaal ${channel} van het team ${team}. Bedankt!`,
    postInProgress: (team: string, channel: string) =>
      `Je verslag wordt geplaatst in het kanaal ${channel} van het team ${team}; ik laat het je hier weten zodra het er staat.`,
    postDelayed:
      'Teams is nu niet bereikbaar, maar je verslag is bewaard en staat klaar: ik plaats het zodra het lukt en laat het je hier weten.',
    unknownTeam: 'onbekend team',
    unknownChannel: 'het verslagenkanaal',
    channelMovedHere: (who: string, channel: string) =>
      `${who} heeft het kanaal ${channel} gekozen: reisverslagen van dit team worden voortaan hier geplaatst.`,
    reportsPostedHere:
      'Reisverslag is aan dit team toegevoegd: de reisverslagen van dit team worden in dit kanaal geplaatst (typ in een ander kanaal **@Reisverslag gebruik dit kanaal** om dat te veranderen).',
    channelMovedAway: (who: string, channel: string) =>
      `${who} heeft het verslagenkanaal van dit team verplaatst naar het kanaal ${channel}; nieuwe reisverslagen verschijnen voortaan daar.`,
    moveRefused:
      'Alleen leden van dit team kunnen het verslagenkanaal verplaatsen, gasten en anonieme deelnemers niet; er is niets veranderd.',
    moveUnknown:
      'Ik kon Teams nu niet vragen of je lid bent van dit team, dus het verslagenkanaal is niet verplaatst; probeer het over een paar minuten opnieuw.',
    someone: 'Iemand',
    channelHelp:
      'Ik plaats hier de reisverslagen van dit team. Een verslag maak je in een persoonlijke chat met mij; typ daar **nieuw verslag**. Typ hier **@Reisverslag gebruik dit kanaal** om de verslagen in dit kanaal te laten verschijnen.',
    unsupportedAction:
      'Deze actie ken ik niet. Typ **help** in de persoonlijke chat met mij om te zien wat ik kan.',
    tenantRefused:
      'Deze bot is alleen beschikbaar voor medewerkers van de gemeente; je organisatie heeft geen toegang.',
    turnError:
      'Sorry, dat lukte niet: je laatste bericht is niet verwerkt of opgeslagen. Stuur het over een moment nog eens; je eerdere antwoorden zijn bewaard.',
    reportHeading: 'Verslag buitenlandse dienstreis',
    traveller: 'Reiziger',
    destination: 'Bestemming',
    period: 'Periode',
    version: 'Versie',
    notAnswered: '(niet beantwoord)',
    shortenedNote: '(ingekort voor Teams; het volledige verslag is bewaard)',
    channelSummary: (title: string, traveller: string) =>
      `Reisverslag: ${title || 'zonder titel'} — ${traveller}`,
    answeredPrefix: 'Beantwoord',
    reminderHeading: 'Je reisverslag is nog niet af',
    reminderProgress: (answered: number, total: number) =>
      `${answered} van ${total} vragen beantwoord`,
    reminderHint:
      'Ga verder waar je gebleven was. Typ **geen herinneringen** als je deze berichten niet wilt.',
    reminderSummary: 'Herinnering: je reisverslag is nog niet af',
    remindersOff:
      'Je krijgt geen herinneringen meer over onafgeronde verslagen; typ **herinneringen aan** om ze weer te krijgen.',
    remindersOn:
      'Herinneringen staan aan: blijft een concept een paar werkdagen liggen, dan stuur ik je een bericht (hooguit twee keer).',
    deleteDraftQuestion: (title: string, answered: number, total: number) =>
      `Wil je het concept ${title} (${answered} van ${total} vragen beantwoord) verwijderen? Dat kan niet ongedaan worden gemaakt.`,
    confirmDelete: 'Ja, verwijderen',
    draftDeleted: (title: string) => `Het concept ${title} is verwijderd.`,
    deleteCancelled: 'Niets verwijderd; je concept blijft bewaard.',
    noDraftToDelete: 'Je hebt geen concept om te verwijderen.',
    draftGone:
      'Dat concept bestaat niet meer of is al geplaatst. Typ **mijn verslagen** om je verslagen te zien.',
    choiceLists: {
      questionKey: {
        label: 'Onderdeel',
        placeholder: 'Kies een onderdeel',
        errorMessage: 'Kies eerst een onderdeel in de lijst.',
      },
      teamId: {
        label: 'Team en kanaal',
        placeholder: 'Kies een team',
        errorMessage: 'Kies eerst een team in de lijst.',
      },
      reportId: {
        label: 'Verslag',
        placeholder: 'Kies een verslag',
        errorMessage: 'Kies eerst een verslag in de lijst.',
      },
    },
    openReport: 'Openen',
    reportGone: 'Dat verslag bestaat niet meer. Typ **mijn verslagen** om je verslagen te zien.',
    postedReportOpened: (team: string, channel: string) =>
      `Dit verslag staat in het kanaal ${channel} van het team ${team}.`,
  },
  en: {
    downloadAsWord: 'Download as Word',
    chooseReportToDownload: 'Which report do you want as a Word file?',
    noPostedReportsToDownload:
      'You have no posted report to download yet; a draft is not a report yet. Type **new report** to write one, or **continue** to finish your draft.',
    fileConsentDescription: (title: string) =>
      `The report ${title} as a Word document, in the layout of the form.`,
    downloadDeclined: 'Fine, I saved nothing. Type **export** if you want the file later.',
    downloadNotYours:
      'You can only get the Word file of your own posted reports; this report is not yours or no longer exists. Nothing was saved.',
    downloadFailed:
      'Saving the Word file in your OneDrive did not work; your report is unchanged. Type **export** to try again.',
    downloadSaving:
      'I am putting the Word file in your OneDrive; it shows up here as soon as it is ready.',
    exportInPersonalChat:
      'You get a Word file of your report in your personal chat with me: type **export** there.',
    wordFile: 'Word file',
    fileConsentSaved: 'Saved in your OneDrive.',
    fileConsentFailed: 'Not saved: saving in your OneDrive failed.',
    fileConsentDeclined: 'Not saved: you declined.',
    fileConsentAlreadyAnswered:
      'You already answered this request to save the Word file; type **export** if you want the file again.',
    edit: 'Change',
    confirm: 'Confirm',
    cancel: 'Cancel',
    was: 'Was',
    becomes: 'Becomes',
    chooseReport: 'Which report do you want to change?',
    choosePart: 'Which part do you want to change?',
    choosePartTyped:
      "I don't know that part. Choose it on the card, or type for example **change purpose**.",
    confirmEdit: (part: string) => `Is this change to ‘${part}’ right?`,
    confirmTypedHint: 'Type **yes** to confirm or **no** to change nothing.',
    editCancelled: 'Nothing changed.',
    editSaved: (version: number) =>
      `Saved as version ${version}; the report in the channel has been updated.`,
    editSavedNotSynced: (version: number) =>
      `Saved as version ${version}, but the channel cannot be reached now; I will update the post in the channel later.`,
    editSavedSyncing: (version: number) =>
      `Saved as version ${version}; the report in the channel will be updated in a moment.`,
    editAlreadySaved: (version: number) =>
      `This change was already saved as version ${version}; nothing was changed twice.`,
    noPostedReports:
      'You have no posted report to change yet. Type **new report** to write one, or **continue** to finish your draft.',
    notYourReport:
      "You can only change your own reports; this report is someone else's. Nothing was changed.",
    onlyAuthor: (name: string) => `Only ${name} can change this report. Nothing was changed.`,
    editInPersonalChat: 'I have sent you a personal message; you can change the report there.',
    editInPersonalChatFailed:
      'I could not send you a personal message just now. Type **change** in your personal chat with me to change the report.',
    changeNote: (by: string, part: string, version: number) =>
      `${by} changed ${part} (version ${version}).`,
    updatedTo: (version: number) => `The report has been updated to version ${version}.`,
    replacesDeletedPost: 'This report replaces an earlier post that was deleted from the channel.',
    channelUnavailable: (title: string) =>
      `I can no longer post your report "${title}" in the channel, because Reisverslag is no longer in the team: ask an owner of the team to add the app again, or type ‘@Reisverslag gebruik dit kanaal’ in another channel, then change your report to post it again.`,
    syncGivenUp: (title: string) =>
      `Your report "${title}" is saved, but I could not update its post in the channel after repeated tries; change your report again later to try once more.`,
    editSavedNotInChannel: (version: number) =>
      `Saved as version ${version}; the post in the channel was not updated (see above).`,
    updatedFooter: (date: string, version: number) => `Updated on ${date} (version ${version})`,
    myReportsTitle: 'My reports',
    newestReports: (shown: number, total: number) =>
      `Your newest ${shown} of ${total} reports; the others do not fit on one card.`,
    noReports: 'You have no reports yet. Type **new report** to begin.',
    statusDraft: 'draft',
    statusPosted: (version: number) => `posted, version ${version}`,
    openInChannel: 'View in channel',
    sameTripPosted: (name: string, title: string) =>
      `${name} has already posted a report on ‘${title}’.`,
    sameTripPostedAbout: (name: string, title: string, about: string) =>
      `${name} has already posted a report on ‘${title}’ (${about}).`,
    sameTripPostedWhereWhen: (name: string, title: string, where: string, when: string) =>
      `${name} has already posted a report on ‘${title}’ (${where}, ${when}).`,
    sameTripNumbered: (n: number) => `View in channel (${n})`,
    sameTripOwnReport: 'Write my own report anyway',
    notNow: 'Not now',
    sameTripLater:
      'All right, I am not starting a new report. Type **new report** if you want to write your own after all.',
    sameTripTypedHint:
      'Choose a button on the card, or type **new report** to write your own report anyway.',
    appName: 'Reisverslag',
    progress: (n: number, total: number) => `Question ${n} of ${total}`,
    next: 'Next',
    previous: 'Previous',
    change: 'Change',
    post: 'Post in channel',
    openForm: 'Whole form on one card',
    save: 'Save',
    formIntro:
      'All questions on one card, filled in with what you have answered already. Fill in everything and press Save; then you see your report once more before you post it.',
    formHasErrors: (count: number) =>
      count === 1
        ? 'One answer is not right yet: see the message below its field. Nothing has been saved yet.'
        : `${count} answers are not right yet: see the messages below their fields. Nothing has been saved yet.`,
    formSaved: 'all answers saved',
    formShortened: 'Shortened for Teams: leave this field as it is and your full answer is kept.',
    formTypedHint:
      'Fill in the form above and press **Save**, or type **continue** to go on question by question in the chat.',
    formStale: 'That form is no longer current; here it is again, with your saved answers.',
    resume: 'Continue',
    newReport: 'New report',
    yes: 'Yes',
    no: 'No',
    fieldRequired: 'This field is required.',
    fillIn: (label: string) => `Please fill in ${label.toLowerCase()}.`,
    numberRange: (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`,
    amountPlaceholder: 'For example 412.80 or not known yet',
    amountMissing: (part: string) =>
      `Fill in ${part.toLowerCase()}: 0 if there were none, or not known yet.`,
    payerChoices: {
      municipality: 'The municipality',
      thirdParty: 'A third party',
      shared: 'Shared',
    },
    travellersSuggestion: (colleagues: number, travellers: number) =>
      colleagues === 0
        ? 'You travelled alone: 1 person. Is that right? Go on, or change the number.'
        : `You and ${colleagues} ${colleagues === 1 ? 'fellow traveller' : 'fellow travellers'}: ${travellers} people. Is that right? Go on, or change the number.`,
    colleaguesNotFound: (count: number) =>
      count === 1
        ? 'I could not find one colleague you picked in your teams; type their name in the text box.'
        : `I could not find ${count} colleagues you picked in your teams; type their names in the text box.`,
    welcome:
      'Hello! I help you write the report of your foreign business trip. I ask the questions of the form "Verslag buitenlandse dienstreis" one at a time; type **new report** to begin.',
    helpIntro:
      'I ask you the questions of the form "Verslag buitenlandse dienstreis", one per card. Answer on the card or just type your answer in the chat. Every answer is saved at once.',
    helpOutro:
      "At the end you see all answers and post the report in your team's channel with one button.",
    paused: 'Paused. Your draft is saved; type **continue** when you want to go on.',
    nothingToStop: 'No report is in progress. Type **new report** to begin.',
    noDraftToContinue:
      'You have no unfinished report to continue. Type **new report** to begin one.',
    thanksReply: "You're welcome!",
    thanksReplyWithDraft:
      "You're welcome! Your draft is saved; type **continue** when you want to go on.",
    greetingReply: 'Hello! Type **new report** to begin the report of your business trip.',
    greetingReplyWithDraft:
      'Hello! Type **continue** to go on with your unfinished report, or **new report** for a new one.',
    fileNotTaken:
      'I cannot add files, images or stickers to the report; just type your answer in the chat.',
    fileNotTakenIdle:
      'I cannot add files, images or stickers to a report; type **new report** to begin one, then type your answers in the chat.',
    commandNotAnswer:
      'That is a command, not an answer, so I saved nothing; type your answer to the question above.',
    resumeOffer: (title: string, answered: number, total: number) =>
      `You have an unfinished report: ${title} (${answered} of ${total} questions answered). Do you want to continue it?`,
    untitled: 'no title yet',
    resumeTypedHint: 'Type **continue** to continue or **new** for a new report.',
    staleCard:
      'That card belongs to an earlier question and is no longer current; here is the current question again.',
    staleCardIdle: 'That card is no longer current. Type **continue** to go on where you left off.',
    reviewTitle: 'Check your report',
    reviewDone: 'posted in the channel',
    reviewIntro:
      'These are all your answers. Change what is not right yet, then post the report in the channel.',
    reviewTypedHint: 'Type **post** to post the report, or **change** with the part.',
    notComplete: 'Not every question has been answered yet; here is the next open question.',
    noChannel:
      "I don't know yet in which channel to post the report. Ask your team's owner to add the Reisverslag app to the team (in Teams: Apps > Reisverslag > Add to a team), or type **@Reisverslag gebruik dit kanaal** in the channel you want. Your report is kept as a draft; type **continue** afterwards to post it.",
    chooseTeam: 'In which team do you want to post the report?',
    teamLeft: 'You are no longer a member of that team; choose one of your own teams.',
    notInAnyTeam:
      "You are not a member of any team that has the Reisverslag app, so I cannot post your report anywhere yet: ask your team's owner to add Reisverslag to the team (your report is kept as a draft).",
    teamsUnreachable:
      'I could not ask Teams which teams you are in just now; your report is kept as a draft, so try again in a few minutes with **continue**.',
    posted: (team: string, channel: string) =>
      `Your report has been posted in the channel ${channel} of the team ${team}. Thank you!`,
    postInProgress: (team: string, channel: string) =>
      `Your report is being posted in the channel ${channel} of the team ${team}; I will let you know here once it is there.`,
    postDelayed:
      'Teams cannot be reached now, but your report is saved and ready: I will post it as soon as I can and let you know here.',
    unknownTeam: 'unknown team',
    unknownChannel: 'the reports channel',
    channelMovedHere: (who: string, channel: string) =>
      `${who} chose the channel ${channel}: travel reports of this team will be posted here from now on.`,
    reportsPostedHere:
      "Reisverslag was added to this team: this team's travel reports will be posted in this channel (type **@Reisverslag gebruik dit kanaal** in another channel to change that).",
    channelMovedAway: (who: string, channel: string) =>
      `${who} moved this team's reports channel to the channel ${channel}; new travel reports will appear there from now on.`,
    moveRefused:
      'Only members of this team can move the reports channel, not guests or anonymous users; nothing was changed.',
    moveUnknown:
      'I could not ask Teams just now whether you are a member of this team, so the reports channel was not moved; try again in a few minutes.',
    someone: 'Someone',
    channelHelp:
      'I post the travel reports of this team here. You write a report in a personal chat with me; type **new report** there. Type **@Reisverslag gebruik dit kanaal** here to have the reports appear in this channel.',
    unsupportedAction:
      "I don't know this action. Type **help** in your personal chat with me to see what I can do.",
    tenantRefused:
      "This bot is only available to the municipality's staff; your organisation has no access.",
    turnError:
      'Sorry, that did not work: your last message was not processed or saved. Please send it again in a moment; your earlier answers are kept.',
    reportHeading: 'Report of a foreign business trip',
    traveller: 'Traveller',
    destination: 'Destination',
    period: 'Period',
    version: 'Version',
    notAnswered: '(not answered)',
    shortenedNote: '(shortened for Teams; the full report is kept)',
    channelSummary: (title: string, traveller: string) =>
      `Travel report: ${title || 'untitled'} — ${traveller}`,
    answeredPrefix: 'Answered',
    reminderHeading: 'Your travel report is not finished yet',
    reminderProgress: (answered: number, total: number) =>
      `${answered} of ${total} questions answered`,
    reminderHint:
      'Carry on where you left off. Type **no reminders** if you do not want these messages.',
    reminderSummary: 'Reminder: your travel report is not finished yet',
    remindersOff:
      'You will get no more reminders about unfinished reports; type **reminders on** to get them again.',
    remindersOn:
      'Reminders are on: when a draft lies untouched for a few working days, I send you a message (twice at most).',
    deleteDraftQuestion: (title: string, answered: number, total: number) =>
      `Do you want to delete the draft ${title} (${answered} of ${total} questions answered)? This cannot be undone.`,
    confirmDelete: 'Yes, delete',
    draftDeleted: (title: string) => `The draft ${title} has been deleted.`,
    deleteCancelled: 'Nothing deleted; your draft is kept.',
    noDraftToDelete: 'You have no draft to delete.',
    draftGone:
      'That draft no longer exists or has been posted. Type **my reports** to see your reports.',
    choiceLists: {
      questionKey: {
        label: 'Part',
        placeholder: 'Choose a part',
        errorMessage: 'Choose a part in the list first.',
      },
      teamId: {
        label: 'Team and channel',
        placeholder: 'Choose a team',
        errorMessage: 'Choose a team in the list first.',
      },
      reportId: {
        label: 'Report',
        placeholder: 'Choose a report',
        errorMessage: 'Choose a report in the list first.',
      },
    },
    openReport: 'Open',
    reportGone: 'That report no longer exists. Type **my reports** to see your reports.',
    postedReportOpened: (team: string, channel: string) =>
      `This report is in the channel ${channel} of the team ${team}.`,
  },
} satisfies Record<Locale, unknown>;

/** The bot's texts in one language. */
export type Texts = (typeof texts)['nl'];

/** The bot's texts for a locale. */
export function textsFor(locale: Locale): Texts {
  return texts[locale];
}
