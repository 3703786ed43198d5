// @forge/bridge shim for Custom UI pages in the PHI Guard sandbox.
//
// The sandbox injects this script at the top of a Custom UI build's index.html, before the app's
// own scripts. It defines `window.__bridge.callBridge(command, data)`, the host interface the real
// @forge/bridge package calls (`invoke` → callBridge('invoke', { functionKey, payload }),
// `view.getContext()` → callBridge('getContext')), so a build that bundles @forge/bridge runs
// unchanged. `window.ForgeSandboxBridge` offers the same functions for pages without a bundler.
//
// invoke(functionKey, payload) → POST /_sandbox/invoke { moduleKey, functionKey, payload, context }
// as the acting demo user (Basic auth with the email the sandbox UI stores in localStorage); the
// server takes the identity from that header, never from the body.
(function () {
  'use strict';
  var USER_KEY = 'phiGuardSandbox.user';
  // Same-origin sandbox endpoints (relative URLs: these calls never leave the sandbox).
  var SANDBOX = { context: '/_sandbox/context', invoke: '/_sandbox/invoke' };
  var params = new URLSearchParams(location.search);
  var moduleKey = params.get('moduleKey') || '';
  var contextPromise = null;

  function authHeader() {
    var email = localStorage.getItem(USER_KEY) || 'agent@demo.test';
    return 'Basic ' + btoa(email + ':sandbox');
  }

  function getContext() {
    if (!contextPromise) {
      var q = new URLSearchParams();
      ['moduleKey', 'moduleType', 'issueKey', 'issueId', 'projectKey'].forEach(function (k) {
        if (params.get(k)) q.set(k, params.get(k));
      });
      contextPromise = fetch(SANDBOX.context + '?' + q.toString(), { headers: { authorization: authHeader() } }).then(function (r) {
        if (!r.ok) throw new Error('getContext failed: HTTP ' + r.status);
        return r.json();
      });
    }
    return contextPromise;
  }

  function invoke(functionKey, payload) {
    if (typeof functionKey !== 'string') return Promise.reject(new Error('functionKey must be a string!'));
    return getContext().then(function (ctx) {
      return fetch(SANDBOX.invoke, {
        method: 'POST',
        headers: { authorization: authHeader(), 'content-type': 'application/json' },
        body: JSON.stringify({ moduleKey: moduleKey, functionKey: functionKey, payload: payload, context: { extension: ctx.extension, localId: ctx.localId } }),
      });
    }).then(function (r) {
      return r.text().then(function (text) {
        var body = text ? JSON.parse(text) : null;
        if (!r.ok) throw new Error((body && body.message) || 'invoke failed: HTTP ' + r.status);
        return body;
      });
    });
  }

  function refresh() {
    if (window.parent !== window) window.parent.postMessage({ type: 'phi-guard-sandbox:refresh', moduleKey: moduleKey }, location.origin);
    return Promise.resolve(true);
  }

  function callBridge(command, data) {
    switch (command) {
      case 'invoke':
        return invoke(data && data.functionKey, data && data.payload);
      case 'getContext':
        return getContext();
      case 'refresh':
        return refresh();
      case 'submit':
      case 'close':
        return Promise.resolve(false);
      default:
        console.warn('[sandbox bridge] ' + command + ' is not emulated');
        return Promise.resolve(undefined);
    }
  }

  window.__bridge = { callBridge: callBridge };
  window.ForgeSandboxBridge = { invoke: invoke, view: { getContext: getContext, refresh: refresh } };
})();
