/* GraphiQL on the router: queries and mutations over HTTP, subscriptions over graphql-ws on the same path.
   The Authorization header typed into GraphiQL's header editor signs both. */
(function () {
  'use strict';
  var endpoint = location.origin + '/graphql';
  // One fetcher (and socket) per Authorization value in the header editor: GraphiQL passes the headers to each
  // call, and a graphql-ws socket carries its token once, in connection_init.
  var fetchers = {};
  function fetcherFor(authorization) {
    var key = authorization || '';
    if (!fetchers[key]) {
      var wsClient = graphqlWs.createClient({
        url: endpoint.replace(/^http/, 'ws'),
        lazy: true,
        connectionParams: authorization ? { authorization: authorization } : {},
      });
      fetchers[key] = GraphiQL.createFetcher({ url: endpoint, wsClient: wsClient });
    }
    return fetchers[key];
  }
  function fetcher(params, opts) {
    var headers = (opts && opts.headers) || {};
    return fetcherFor(headers.Authorization || headers.authorization)(params, opts);
  }
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  // The schema comes from the router's own page route: the introspection query is over the operation limits.
  fetch('/pages/schema.json')
    .then(function (res) { return res.ok ? res.json() : null; })
    .catch(function () { return null; })
    .then(render);
  function render(schema) {
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        schema: schema,
        shouldPersistHeaders: true,
        defaultEditorToolsVisibility: 'headers',
        defaultHeaders: '{\n  "Authorization": "Bearer <token from the login mutation>"\n}',
        defaultQuery:
          '# Sign in, put the accessToken into the Authorization header below, then run the others.\n' +
          'mutation SignIn {\n  login(input: { login: "admin", password: "Admin123456" }) { accessToken }\n}\n\n' +
          'query Me {\n  me { username }\n}\n\n' +
          'subscription Notices {\n  notificationReceived { id title body category createdAt }\n}\n',
      }),
    );
  }
})();
