/**
 * What frames every page: who is signed in, with which role, in which account, and the channel they work on, which
 * the layout's switcher chooses.
 */
package dev.janela.server.layout;
