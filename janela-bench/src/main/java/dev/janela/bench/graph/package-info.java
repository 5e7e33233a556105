/** A stand-in for Meta's Graph API that the load tools and suites point Meta's connector at. */
package dev.janela.bench.graph;
