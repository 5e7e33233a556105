/**
 * The crash suite ({@link dev.janela.bench.CrashSuite}): the real server killed with SIGKILL under concurrent
 * webhooks and sends, started again on the same data, and everything it acknowledged checked afterwards against what
 * it stored, an independent oracle of the session rules, and the store's own consistency. Nothing here is shared with
 * janela-core's engine or the server's code: the suite speaks to the server only through its HTTP interface, and
 * reads the store with the server's own JDBC driver once the server is dead.
 */
package dev.janela.bench.crash;
