// PHI Guard sandbox UI: a small Jira-like page over the emulated REST API (no build step).
// Every request goes with Basic auth as the demo user picked in the header (stored in localStorage,
// which the @forge/bridge shim in Custom UI iframes reads too).
(function () {
  'use strict';

  var USER_KEY = 'phiGuardSandbox.user';
  // Same-origin sandbox endpoints (relative URLs: these calls never leave the sandbox).
  var SANDBOX = { config: '/_sandbox/config', idle: '/_sandbox/idle' };
  var state = { config: null, project: null, issueKey: null };

  function el(tag, attrs) {
    var node = document.createElement(tag);
    var children = Array.prototype.slice.call(arguments, 2);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'class') node.className = v;
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    });
    children.forEach(function (c) {
      if (c === undefined || c === null || c === false) return;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  }

  function currentUser() {
    return localStorage.getItem(USER_KEY) || 'agent@demo.test';
  }

  function authHeader() {
    return 'Basic ' + btoa(currentUser() + ':sandbox');
  }

  function api(method, path, body) {
    var init = { method: method, headers: { authorization: authHeader(), accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
        if (!res.ok) {
          var msg = data && data.errorMessages ? data.errorMessages.concat(Object.values(data.errors || {})).join('\n') : (data && data.message) || text;
          var err = new Error(res.status + ' ' + (msg || res.statusText));
          err.status = res.status;
          throw err;
        }
        return data;
      });
    });
  }

  // ADF → plain text (paragraph per line; mentions, emoji, hard breaks).
  function adfText(node) {
    if (!node) return '';
    if (typeof node === 'string') return node;
    if (node.type === 'text') return node.text || '';
    if (node.type === 'hardBreak') return '\n';
    if (node.type === 'mention') return (node.attrs && node.attrs.text) || '@mention';
    if (node.type === 'emoji') return (node.attrs && (node.attrs.text || node.attrs.shortName)) || '';
    var inner = (node.content || []).map(adfText).join('');
    var block = ['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote', 'panel', 'tableRow'];
    return block.indexOf(node.type) >= 0 ? inner + '\n' : inner;
  }

  function adfDoc(text) {
    return {
      type: 'doc', version: 1,
      content: text.split(/\n{2,}/).filter(function (p) { return p.trim() !== ''; }).map(function (p) {
        var lines = p.split('\n');
        var content = [];
        lines.forEach(function (line, i) {
          if (i > 0) content.push({ type: 'hardBreak' });
          if (line) content.push({ type: 'text', text: line });
        });
        return { type: 'paragraph', content: content };
      }),
    };
  }

  function showError(where, e) {
    where.appendChild(el('div', { class: 'error' }, String(e && e.message ? e.message : e)));
  }

  var view = function () { return document.getElementById('view'); };

  function renderUsers() {
    var select = document.getElementById('user');
    select.innerHTML = '';
    state.config.users.forEach(function (u) {
      select.appendChild(el('option', { value: u.email, selected: u.email === currentUser() }, u.displayName + ' <' + u.email + '>'));
    });
    select.onchange = function () {
      localStorage.setItem(USER_KEY, select.value);
      loadIssues();
      if (state.issueKey) openIssue(state.issueKey);
    };
  }

  function renderProjects() {
    var nav = document.getElementById('projects');
    nav.innerHTML = '';
    state.config.projects.forEach(function (p) {
      nav.appendChild(el('button', {
        class: p.key === state.project ? 'active' : '',
        title: p.name,
        onclick: function () { state.project = p.key; renderProjects(); loadIssues(); },
      }, p.key));
    });
  }

  function loadIssues() {
    var list = document.getElementById('issue-list');
    list.innerHTML = '';
    api('POST', '/rest/api/3/search/jql', { jql: 'project = ' + state.project + ' ORDER BY created DESC', fields: ['summary', 'security'], maxResults: 100 })
      .then(function (r) {
        if (!r.issues.length) list.appendChild(el('li', { class: 'muted' }, 'No issues you can see.'));
        r.issues.forEach(function (i) {
          list.appendChild(el('li', { class: i.key === state.issueKey ? 'active' : '', onclick: function () { openIssue(i.key); } },
            el('span', { class: 'key' }, i.key), i.fields.summary || '',
            i.fields.security ? el('span', { class: 'badge', style: 'margin-left:6px' }, i.fields.security.name) : null));
        });
      })
      .catch(function (e) { showError(list, e); });
  }

  function customUiFrame(slot, params) {
    var c = state.config.customUi[slot];
    if (!c.available) {
      return el('div', { class: 'note' }, 'Custom UI build missing: ' + c.missing + ' (build it to see the ' + (slot === 'issuePanel' ? 'issue panel' : 'admin page') + ' here).');
    }
    var q = new URLSearchParams(params);
    if (c.moduleKey) q.set('moduleKey', c.moduleKey);
    q.set('moduleType', c.moduleType);
    var frame = el('iframe', { class: 'app', src: c.url + '?' + q.toString(), title: c.title });
    var box = el('div', {}, frame);
    if (!c.moduleKey) box.appendChild(el('div', { class: 'note' }, 'manifest.yml has no ' + c.moduleType + ' module yet: invoke() calls from this page will answer 404.'));
    return box;
  }

  function openIssue(key) {
    state.issueKey = key;
    var v = view();
    v.innerHTML = '';
    v.appendChild(el('p', { class: 'muted' }, 'Loading ' + key + '…'));
    Promise.all([
      api('GET', '/rest/api/3/issue/' + encodeURIComponent(key) + '?fields=*all'),
      api('GET', '/rest/api/3/issue/' + encodeURIComponent(key) + '/comment?expand=properties').catch(function () { return { comments: [] }; }),
      api('GET', '/rest/api/3/issue/' + encodeURIComponent(key) + '/properties').catch(function () { return { keys: [] }; }),
    ]).then(function (r) {
      var issue = r[0], comments = r[1].comments || [], propKeys = (r[2].keys || []).map(function (k) { return k.key; });
      return Promise.all(propKeys.map(function (k) {
        return api('GET', '/rest/api/3/issue/' + encodeURIComponent(key) + '/properties/' + encodeURIComponent(k)).catch(function (e) { return { key: k, value: String(e) }; });
      })).then(function (props) { renderIssue(issue, comments, props); });
    }).catch(function (e) {
      v.innerHTML = '';
      showError(v, e);
    });
    document.querySelectorAll('#issue-list li').forEach(function (li) {
      li.classList.toggle('active', li.firstChild && li.firstChild.textContent === key);
    });
  }

  function renderIssue(issue, comments, props) {
    var f = issue.fields;
    var v = view();
    v.innerHTML = '';
    v.appendChild(el('div', { class: 'meta' }, f.project.name + ' / ' + issue.key + ' · ' + f.issuetype.name + ' · ' + f.status.name));
    v.appendChild(el('h2', {}, f.summary));
    v.appendChild(el('div', { class: 'meta' },
      'Reporter: ' + (f.reporter ? f.reporter.displayName : '—') + ' · Assignee: ' + (f.assignee ? f.assignee.displayName : 'Unassigned') +
      ' · Security level: ', f.security ? el('span', { class: 'badge' }, f.security.name) : 'None'));
    v.appendChild(el('h3', {}, 'Description'));
    v.appendChild(el('div', { class: 'card' }, el('pre', { class: 'text' }, adfText(f.description).trim() || '—')));

    v.appendChild(el('h3', {}, 'PHI Guard (issue panel)'));
    v.appendChild(customUiFrame('issuePanel', { issueKey: issue.key, issueId: issue.id, projectKey: f.project.key }));

    v.appendChild(el('h3', {}, 'Issue properties'));
    if (!props.length) v.appendChild(el('p', { class: 'muted' }, 'None.'));
    else {
      var table = el('table', { class: 'props' });
      props.forEach(function (p) { table.appendChild(el('tr', {}, el('td', {}, p.key), el('td', {}, el('pre', { class: 'text' }, JSON.stringify(p.value, null, 2))))); });
      v.appendChild(table);
    }

    v.appendChild(el('h3', {}, 'Comments (' + comments.length + ')'));
    comments.forEach(function (c) {
      var internal = (c.properties || []).some(function (p) { return p.key === 'sd.public.comment' && p.value && p.value.internal; }) || c.jsdPublic === false;
      v.appendChild(el('div', { class: 'card comment' + (internal ? ' internal' : '') },
        el('div', { class: 'meta' }, (c.author ? c.author.displayName : '?') + ' · ' + c.created + (internal ? ' · internal note' : '') + (c.visibility ? ' · restricted to ' + c.visibility.value : '')),
        el('pre', { class: 'text' }, adfText(c.body).trim())));
    });
    var text = el('textarea', { placeholder: 'Add a comment…' });
    var internalBox = el('input', { type: 'checkbox' });
    var status = el('div');
    v.appendChild(el('div', { class: 'card' }, text, el('label', {}, internalBox, ' Internal note (JSM: not shown to customers)'),
      el('button', { class: 'primary', onclick: function () {
        if (!text.value.trim()) return;
        var body = { body: adfDoc(text.value) };
        if (internalBox.checked) body.properties = [{ key: 'sd.public.comment', value: { internal: true } }];
        api('POST', '/rest/api/3/issue/' + encodeURIComponent(issue.key) + '/comment', body)
          .then(function () { return settle(); })
          .then(function () { openIssue(issue.key); })
          .catch(function (e) { showError(status, e); });
      } }, 'Add comment'), status));
  }

  // Waits until the app's triggers have run, so the page shows their effect.
  function settle() {
    return fetch(SANDBOX.idle).then(function () {});
  }

  function newIssueForm() {
    state.issueKey = null;
    var v = view();
    v.innerHTML = '';
    var project = state.config.projects.filter(function (p) { return p.key === state.project; })[0];
    var type = el('select', {});
    (project ? project.issueTypes : []).forEach(function (t) { type.appendChild(el('option', { value: t }, t)); });
    var summary = el('input', { type: 'text' });
    var description = el('textarea', { style: 'min-height:160px' });
    var status = el('div');
    v.appendChild(el('h2', {}, 'Create issue in ' + state.project));
    v.appendChild(el('p', { class: 'muted' }, 'As ' + currentUser() + '. The app\u2019s avi:jira:created:issue trigger runs after this.'));
    v.appendChild(el('label', {}, 'Issue type'));
    v.appendChild(type);
    v.appendChild(el('label', {}, 'Summary'));
    v.appendChild(summary);
    v.appendChild(el('label', {}, 'Description'));
    v.appendChild(description);
    v.appendChild(el('button', { class: 'primary', onclick: function () {
      var fields = { project: { key: state.project }, issuetype: { name: type.value }, summary: summary.value };
      if (description.value.trim()) fields.description = adfDoc(description.value);
      api('POST', '/rest/api/3/issue', { fields: fields })
        .then(function (r) { return settle().then(function () { loadIssues(); openIssue(r.key); }); })
        .catch(function (e) { showError(status, e); });
    } }, 'Create'));
    v.appendChild(status);
  }

  function adminPage() {
    state.issueKey = null;
    var v = view();
    v.innerHTML = '';
    v.appendChild(el('h2', {}, 'Apps → PHI Guard'));
    v.appendChild(customUiFrame('adminPage', {}));
  }

  // A Custom UI page asking to be refreshed (view.refresh()) reloads the issue.
  window.addEventListener('message', function (ev) {
    if (ev.origin === location.origin && ev.data && ev.data.type === 'phi-guard-sandbox:refresh' && state.issueKey) openIssue(state.issueKey);
  });

  document.getElementById('new-issue').onclick = newIssueForm;
  document.getElementById('nav-admin').onclick = adminPage;
  document.getElementById('nav-issues').onclick = function () { if (state.issueKey) openIssue(state.issueKey); else view().innerHTML = ''; };

  fetch(SANDBOX.config).then(function (r) { return r.json(); }).then(function (config) {
    state.config = config;
    state.project = config.projects.length ? config.projects[0].key : null;
    renderUsers();
    renderProjects();
    if (state.project) loadIssues();
  }).catch(function (e) { showError(view(), e); });
})();
