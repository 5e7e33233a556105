/**
 * The two ways in: the API's own authentication (bearer tokens, webhook signatures) kept apart from the pages', where
 * a person signs in with a form and is kept in a session cookie, with a CSRF token on every change; and who a
 * signed-in person is at each request.
 */
package dev.janela.server.signin;
