/**
 * The script the local host injects into every Custom UI page before the
 * page's own code, defining `window.__bridge.callBridge` as the Forge host
 * does. @forge/bridge reads it when its modules load. Calls go through the
 * same `POST /__local/invoke` contract tests and tools use.
 *
 * The page's identity ("acting as" user and space) and theme come from the
 * frame's URL, set by the host page's switchers.
 */
export const BRIDGE_SCRIPT = String.raw`(function () {
  var params = new URLSearchParams(location.search);
  var moduleKey = decodeURIComponent(location.pathname.split('/')[3] || '');
  var context = { accountId: params.get('accountId') || undefined, spaceKey: params.get('spaceKey') || undefined };
  var colorMode = params.get('theme') === 'dark' ? 'dark' : 'light';

  function readJson(response) {
    return response.text().then(function (text) {
      var value = text ? JSON.parse(text) : null;
      if (!response.ok) {
        var message = value && value.error && value.error.message ? value.error.message : 'HTTP ' + response.status;
        throw new Error(message);
      }
      return value;
    });
  }

  function enableTheming() {
    var html = document.documentElement;
    html.setAttribute('data-color-mode', colorMode);
    html.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
    if (!document.getElementById('local-forge-theme')) {
      var link = document.createElement('link');
      link.id = 'local-forge-theme';
      link.rel = 'stylesheet';
      link.href = '/__local/theme.css';
      document.head.appendChild(link);
    }
  }

  function toHref(location) {
    if (typeof location === 'string') return location;
    if (location && location.target === 'contentView' && location.contentId) return '/wiki/pages/viewpage.action?pageId=' + location.contentId;
    if (location && location.target === 'spaceView' && location.spaceKey) return '/spaces/' + location.spaceKey + '/settings';
    return '/';
  }

  var listeners = [];
  var history = {
    location: { pathname: '/', search: '', hash: '', state: undefined },
    listen: function (fn) { listeners.push(fn); return function () { listeners = listeners.filter(function (l) { return l !== fn; }); }; },
    push: function (path, state) { history.location = { pathname: path, search: '', hash: '', state: state }; listeners.forEach(function (l) { l(history.location, 'PUSH'); }); },
    replace: function (path, state) { history.location = { pathname: path, search: '', hash: '', state: state }; listeners.forEach(function (l) { l(history.location, 'REPLACE'); }); },
    go: function () {}, back: function () {}, forward: function () {}
  };

  var handlers = {
    invoke: function (args) {
      return fetch('/__local/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ module: moduleKey, functionKey: args.functionKey, payload: args.payload, context: context })
      }).then(readJson);
    },
    getContext: function () {
      var query = new URLSearchParams({ module: moduleKey, accountId: context.accountId || '', spaceKey: context.spaceKey || '' });
      return fetch('/__local/context?' + query).then(readJson).then(function (value) {
        value.theme = { colorMode: colorMode };
        return value;
      });
    },
    enableTheming: function () { enableTheming(); },
    getUrl: function (location) { return new URL(toHref(location), window.location.origin); },
    navigate: function (args) {
      var href = toHref(args.url || args);
      if (args.type === 'new-tab') window.open(href, '_blank', 'noopener');
      else window.top.location.href = href;
    },
    reload: function () { window.location.reload(); },
    createHistory: function () { return history; },
    emitReadyEvent: function () {},
    changeWindowTitle: function (args) { if (args && args.title) window.top.document.title = args.title; },
    on: function () { return { unsubscribe: function () {} }; },
    emit: function () {}
  };

  window.__bridge = {
    callBridge: function (name, args) {
      var handler = handlers[name];
      if (!handler) return Promise.reject(new Error('The local Forge host does not emulate the bridge call ' + name));
      try { return Promise.resolve(handler(args)); } catch (error) { return Promise.reject(error); }
    }
  };
})();`;
