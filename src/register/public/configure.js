/* global microsoftTeams, window, document */
// The configuration page of the Register tab a team adds beside its report channel. Teams shows
// it in its "add a tab" dialog; Save pins the register with the URLs below. There is nothing to
// choose (the register lists every posted report of the organisation), so Save is allowed at once.
'use strict';

(() => {
  const origin = window.location.origin;
  const say = (text) => {
    const status = document.getElementById('status');
    if (status) status.textContent = text;
  };

  microsoftTeams.app.initialize().then(
    () => {
      microsoftTeams.pages.config.registerOnSaveHandler((saveEvent) => {
        microsoftTeams.pages.config
          .setConfig({
            entityId: 'register',
            contentUrl: `${origin}/register?context=team`,
            websiteUrl: `${origin}/register`,
            suggestedDisplayName: 'Register',
          })
          .then(
            () => saveEvent.notifySuccess(),
            (error) => saveEvent.notifyFailure(String((error && error.message) || error)),
          );
      });
      microsoftTeams.pages.config.setValidityState(true);
    },
    // Opened in a browser rather than in Teams' dialog: nothing to configure here.
    () =>
      say(
        'Open deze pagina in Microsoft Teams om het tabblad Register aan een kanaal toe te voegen.',
      ),
  );
})();
