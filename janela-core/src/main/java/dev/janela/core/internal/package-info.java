/** Helpers shared by the core's packages; not part of Janela's API and free to change. */
package dev.janela.core.internal;
