/**
 * Several nodes over one database: which node this is, which nodes are alive, and the work the whole cluster does
 * once at each period rather than once on each node.
 */
package dev.janela.server.cluster;
