// Embeds Microsoft Web Chat (window.WebChat, from the pinned botframework-webchat package) on the help page.
// The page's back end hands out a Direct Line token bound to one conversation (POST /api/directline/token), as a site
// does with Azure Bot Service's secret. The token and conversation are kept for the tab (sessionStorage), so a reload
// reconnects to the same conversation and replays its history; the page then says « webchat/join » so that the assistant
// tells a parent who comes back where their requests stand. ?transport=polling uses HTTP polling instead of WebSocket.
(async function () {
  const storageKey = 'supportbot.directline';
  const origin = window.location.origin;

  async function newSession() {
    const response = await fetch(origin + '/api/directline/token', { method: 'POST' });
    if (!response.ok) {
      throw new Error('token ' + response.status);
    }
    const body = await response.json();
    return { token: body.token, conversationId: body.conversationId, userId: body.userId, expiresAt: Date.now() + body.expires_in * 1000, started: false };
  }

  function saved() {
    try {
      const session = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      return session && session.expiresAt > Date.now() + 60 * 1000 ? session : null;
    } catch (e) {
      return null;
    }
  }

  try {
    const previous = saved();
    const session = previous || (await newSession());
    const webSocket = new URLSearchParams(window.location.search).get('transport') !== 'polling';
    const directLine = window.WebChat.createDirectLine({
      domain: origin + '/v3/directline',
      token: session.token,
      conversationId: previous && previous.started ? session.conversationId : undefined,
      watermark: previous && previous.started ? '0' : undefined,
      webSocket: webSocket
    });

    let rejoined = false;
    directLine.connectionStatus$.subscribe(function (status) {
      if (status === 2) {
        if (previous && previous.started && !rejoined) {
          rejoined = true;
          directLine.postActivity({ type: 'event', name: 'webchat/join', from: { id: session.userId, role: 'user' } }).subscribe();
        }
        session.started = true;
        window.sessionStorage.setItem(storageKey, JSON.stringify(session));
      }
    });
    window.addEventListener('beforeunload', function () {
      if (directLine.token && directLine.token !== session.token) {
        session.token = directLine.token;
        session.expiresAt = Date.now() + 15 * 60 * 1000;
      }
      window.sessionStorage.setItem(storageKey, JSON.stringify(session));
    });

    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: session.userId,
        locale: 'fr-FR',
        // The DSFR's colours as its CSS variables (wwwroot/lib/dsfr/dsfr.min.css): Web Chat writes them into its CSS, so it
        // follows the page's light or dark theme (data-fr-theme, set by the DSFR) with the DSFR's contrasts, even when
        // the parent changes « Paramètres d'affichage ». #0a76f6 is the DSFR's focus ring, the same in both themes.
        styleOptions: {
          primaryFont: 'Marianne, arial, sans-serif',
          hideUploadButton: true,
          accent: 'var(--text-action-high-blue-france)',
          subtle: 'var(--text-mention-grey)',
          backgroundColor: 'var(--background-default-grey)',
          notificationText: 'var(--text-mention-grey)',
          botAvatarInitials: 'TT',
          userAvatarInitials: 'Moi',
          botAvatarBackgroundColor: '#000091',
          userAvatarBackgroundColor: '#3a3a3a',
          bubbleBackground: 'var(--background-contrast-grey)',
          bubbleBorderWidth: 0,
          bubbleTextColor: 'var(--text-default-grey)',
          bubbleFromUserBackground: 'var(--background-action-high-blue-france)',
          bubbleFromUserBorderWidth: 0,
          bubbleFromUserTextColor: 'var(--text-inverted-blue-france)',
          sendBoxBackground: 'var(--background-contrast-grey)',
          sendBoxTextColor: 'var(--text-default-grey)',
          sendBoxPlaceholderColor: 'var(--text-mention-grey)',
          sendBoxBorderTop: 'solid 1px var(--border-default-grey)',
          sendBoxBorderBottom: 'solid 2px var(--border-plain-grey)',
          sendBoxButtonColor: 'var(--text-action-high-blue-france)',
          sendBoxButtonShadeColorOnHover: 'var(--background-contrast-grey-hover)',
          sendBoxButtonShadeColorOnActive: 'var(--background-contrast-grey-hover)',
          sendBoxButtonKeyboardFocusIndicatorBorderColor: '#0a76f6',
          suggestedActionLayout: 'flow',
          suggestedActionBorderRadius: 0,
          suggestedActionBorderWidth: 1,
          suggestedActionBorderColor: 'var(--border-action-high-blue-france)',
          suggestedActionBackgroundColor: 'var(--background-default-grey)',
          suggestedActionBackgroundColorOnHover: 'var(--background-default-grey-hover)',
          suggestedActionBackgroundColorOnActive: 'var(--background-default-grey-hover)',
          suggestedActionTextColor: 'var(--text-action-high-blue-france)',
          suggestedActionBorderColorOnDisabled: 'var(--border-default-grey)',
          suggestedActionBackgroundColorOnDisabled: 'var(--background-disabled-grey)',
          suggestedActionTextColorOnDisabled: 'var(--text-disabled-grey)',
          suggestedActionKeyboardFocusIndicatorBorderColor: '#0a76f6',
          suggestedActionsVisualKeyboardIndicatorColor: '#0a76f6',
          transcriptVisualKeyboardIndicatorColor: '#0a76f6',
          transcriptActivityVisualKeyboardIndicatorColor: '#0a76f6'
        }
      },
      document.getElementById('webchat')
    );
  } catch (e) {
    document.getElementById('webchat-erreur').hidden = false;
  }
})();
