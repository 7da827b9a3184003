// Embeds Microsoft Web Chat (window.WebChat, from the pinned botframework-webchat package) in the page's #webchat:
// SupportBot's own help page, or the académie's page on another origin (the README's embedding snippet). SupportBot's
// address is this script's own origin. SupportBot hands out a Direct Line token bound to one conversation
// (POST /api/directline/token), as a site does with Azure Bot Service's secret. The token and conversation are kept for
// the tab (sessionStorage): a reload, a reconnect, or a token expired while the parent was away (DirectLineJS refreshes
// only every 15 minutes, never while the computer sleeps) resume the same conversation with a new token, and the page
// then says « webchat/join » so that the assistant tells a parent who comes back where their requests stand (the welcome
// is said once per conversation). ?transport=polling on the page, or data-transport="polling" on this script, uses HTTP
// polling instead of WebSocket. Web Chat writes its styles at run time: it stamps them with this script tag's nonce, the
// one SupportBot's help page allows in its Content-Security-Policy (none on a page that sets none).
(async function () {
  const script = document.currentScript;
  const nonce = script.nonce || undefined;
  const service = new URL(script.src).origin;
  const storageKey = 'supportbot.directline ' + service;
  const polling = new URLSearchParams(window.location.search).get('transport') === 'polling' || script.dataset.transport === 'polling';

  // A new token: for the conversation of the token presented when SupportBot still accepts it (resumed), else a new one.
  async function requestToken(previous) {
    const response = await fetch(service + '/api/directline/token', {
      method: 'POST',
      headers: previous ? { Authorization: 'Bearer ' + previous } : {}
    });
    if (!response.ok) {
      throw new Error('token ' + response.status);
    }
    return response.json();
  }

  function saved() {
    try {
      return JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
    } catch (e) {
      return null;
    }
  }

  function save(session) {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify(session));
    } catch (e) {
      // Storage refused (private mode, quota): the conversation simply does not outlive the page.
    }
  }

  function showError() {
    const error = document.getElementById('webchat-erreur');
    if (error) {
      error.hidden = false;
    }
  }

  // The connection in use: its DirectLine and what is saved of it.
  let current = null;

  // A new token at half its life (and as soon as the page is seen again after a sleep), so that DirectLineJS never
  // meets an expired one: its polling stops for good on a 403.
  async function renew() {
    if (!current) {
      return;
    }
    const { directLine, session } = current;
    if (directLine.connectionStatus$.getValue() !== 2) {
      // Not online yet (or being restarted): DirectLineJS is using its token right now.
      return;
    }
    const fresh = await requestToken(directLine.token || session.token);
    if (current && current.directLine === directLine && fresh.resumed === true && fresh.conversationId === session.conversationId) {
      session.token = fresh.token;
      save(session);
      directLine.reconnect({ token: fresh.token, streamUrl: directLine.streamUrl });
    }
  }

  let renewal = null;
  let hidden = document.visibilityState === 'hidden';
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      hidden = true;
    } else if (hidden) {
      hidden = false;
      renew().catch(function () {});
    }
  });
  window.addEventListener('beforeunload', function () {
    if (current) {
      current.session.token = current.directLine.token || current.session.token;
      save(current.session);
    }
  });

  // Connects Web Chat to the conversation of the token presented (resumed), or to a new one.
  async function start(previousToken) {
    const token = await requestToken(previousToken);
    const resumed = token.resumed === true;
    const session = { token: token.token, conversationId: token.conversationId, userId: token.userId, started: resumed };
    save(session);
    const directLine = window.WebChat.createDirectLine({
      domain: service + '/v3/directline',
      token: session.token,
      conversationId: resumed ? session.conversationId : undefined,
      watermark: resumed ? '0' : undefined,
      webSocket: !polling
    });
    current = { directLine: directLine, session: session };
    clearInterval(renewal);
    renewal = setInterval(function () { renew().catch(function () {}); }, Math.max(1000, token.expires_in * 500));

    let rejoined = false;
    let restarting = false;
    directLine.connectionStatus$.subscribe(function (status) {
      if (status === 2) {
        if (resumed && !rejoined) {
          rejoined = true;
          directLine.postActivity({ type: 'event', name: 'webchat/join', from: { id: session.userId, role: 'user' } }).subscribe();
        }
        session.started = true;
        session.token = directLine.token || session.token;
        save(session);
      } else if (status === 3 && !restarting) {
        // Expired anyway (the page slept through its renewal): the same conversation, with a new token, anew.
        restarting = true;
        current = null;
        clearInterval(renewal);
        directLine.end();
        start(directLine.token || session.token).catch(showError);
      }
    });

    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: session.userId,
        locale: 'fr-FR',
        nonce: nonce,
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
  }

  try {
    const previous = saved();
    await start(previous && previous.started ? previous.token : null);
  } catch (e) {
    showError();
  }
})();
