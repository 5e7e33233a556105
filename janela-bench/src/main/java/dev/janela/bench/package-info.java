/**
 * Benchmarks of Janela and what they need: a generator of synthetic but realistic traffic logs
 * ({@link dev.janela.bench.TrafficGenerator}) and JMH benchmarks of the core
 * ({@link dev.janela.bench.EngineStepBenchmark}). Nothing here is run by the tests; BENCHMARKS.md at the
 * repository's root says how to run it and what it measured.
 */
package dev.janela.bench;
