/* The live notices page: sign in, list the caller's notices, receive new ones over graphql-ws, mark them read.
   The token stays in this tab's sessionStorage; every call goes to this router's /graphql. */
(function () {
  'use strict';
  var endpoint = location.origin + '/graphql';
  var FIELDS = 'id title body category read createdAt';
  var state = { token: sessionStorage.getItem('live:token'), socket: null, unsubscribe: null, notices: new Map() };
  var $ = function (id) { return document.getElementById(id); };

  function call(query, variables) {
    var headers = { 'content-type': 'application/json' };
    if (state.token) headers.authorization = 'Bearer ' + state.token;
    return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify({ query: query, variables: variables }) })
      .then(function (res) { return res.json(); })
      .then(function (body) {
        if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
        return body.data;
      });
  }

  function status(text) { $('status').textContent = text; }

  function render() {
    var list = $('list');
    list.textContent = '';
    var notices = Array.from(state.notices.values()).sort(function (a, b) {
      return b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id);
    });
    notices.forEach(function (n) {
      var item = $('notice').content.firstElementChild.cloneNode(true);
      item.dataset.id = n.id;
      item.classList.add(n.read ? 'read' : 'unread');
      item.querySelector('.title').textContent = n.title;
      item.querySelector('.category').textContent = n.category;
      item.querySelector('.body').textContent = n.body;
      var time = item.querySelector('.time');
      time.dateTime = n.createdAt;
      time.textContent = new Date(n.createdAt).toLocaleString();
      item.querySelector('.mark-read').addEventListener('click', function () { markRead(n.id); });
      list.appendChild(item);
    });
    $('unread').textContent = String(notices.filter(function (n) { return !n.read; }).length);
  }

  function remember(n) { state.notices.set(n.id, n); }

  function markRead(id) {
    call('mutation MarkRead($id: ID!) { markNotificationRead(id: $id) { ' + FIELDS + ' } }', { id: id })
      .then(function (data) { remember(data.markNotificationRead); render(); })
      .catch(function (e) { status(e.message); });
  }

  function listen() {
    state.socket = graphqlWs.createClient({
      url: endpoint.replace(/^http/, 'ws'),
      connectionParams: { authorization: 'Bearer ' + state.token },
      retryAttempts: 5,
      on: {
        connected: function () { status('live'); },
        closed: function () { status(state.token ? 'reconnecting…' : 'signed out'); },
      },
    });
    state.unsubscribe = state.socket.subscribe(
      { query: 'subscription Live { notificationReceived { ' + FIELDS + ' } }' },
      {
        next: function (result) {
          if (result.data) { remember(result.data.notificationReceived); render(); }
        },
        error: function () { status('disconnected'); },
        complete: function () { status('ended'); },
      },
    );
  }

  function start() {
    $('sign-in').hidden = true;
    $('notices').hidden = false;
    call('query Start { me { username } myNotifications(page: 1, pageSize: 50) { items { ' + FIELDS + ' } } }')
      .then(function (data) {
        $('who').textContent = data.me.username;
        data.myNotifications.items.forEach(remember);
        render();
        listen();
      })
      .catch(function (e) { signOut(e.message); });
  }

  function signOut(message) {
    if (state.unsubscribe) state.unsubscribe();
    if (state.socket) state.socket.dispose();
    state.token = null;
    state.notices.clear();
    sessionStorage.removeItem('live:token');
    $('sign-in').hidden = false;
    $('notices').hidden = true;
    $('error').textContent = message || '';
    status('signed out');
  }

  $('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    call('mutation SignIn($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { login: form.login.value, password: form.password.value },
    })
      .then(function (data) {
        state.token = data.login.accessToken;
        sessionStorage.setItem('live:token', state.token);
        $('error').textContent = '';
        form.reset();
        start();
      })
      .catch(function (e) { $('error').textContent = e.message; });
  });
  $('sign-out').addEventListener('click', function () { signOut(); });
  if (state.token) start();
})();
