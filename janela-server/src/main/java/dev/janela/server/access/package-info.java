/**
 * Who is calling and what they may do: the {@link dev.janela.server.access.Caller} every use case is asked by, its
 * {@link dev.janela.server.access.Role}, and the port that names the caller of a bearer token. Part of the kernel:
 * it knows no feature and no HTTP.
 */
package dev.janela.server.access;
